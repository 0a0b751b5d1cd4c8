package dev.keyway.server.internal.cli;

import dev.keyway.core.secrets.MasterKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a master key file (a new random 256-bit key, readable by you only) and says how"
          + " Keyway finds it. Never overwrites a file."
    })
final class SecretsInitCommand implements Callable<Integer> {

  private final Terminal terminal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StoreLocation location;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "Where to create the key (default: $KEYWAY_MASTER_KEY_FILE, else keyway.master.key"
              + " beside the store).")
  Path keyFile;

  SecretsInitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    String named = terminal.environment().apply(MasterKey.FILE_VARIABLE);
    Path target =
        keyFile != null
            ? keyFile
            : StoreLocation.isSet(named) ? Path.of(named.strip()) : location.defaultKeyFile();
    Path absolute = target.toAbsolutePath().normalize();
    MasterKey key = MasterKey.createFile(absolute);
    PrintWriter out = terminal.out();
    out.println("keyway: created the master key " + key.id() + " in " + absolute + " (mode 0600)");
    if (absolute.equals(location.defaultKeyFile())) {
      out.println("  Keyway finds it there, beside " + location.file().getFileName() + ".");
    } else {
      out.println("  Point Keyway at it: export " + MasterKey.FILE_VARIABLE + "=" + absolute);
    }
    if (StoreLocation.isSet(terminal.environment().apply(MasterKey.ENVIRONMENT_VARIABLE))) {
      out.println(
          "  Note: "
              + MasterKey.ENVIRONMENT_VARIABLE
              + " is set and wins over any key file; unset it to use this one.");
    }
    out.println(
        "  Keep a copy somewhere safe (a password manager): without it no stored value can be"
            + " read.");
    out.println("  Next: printf %s \"$VALUE\" | keyway secrets set NAME " + storeArgument());
    out.flush();
    return 0;
  }

  private String storeArgument() {
    return location.config != null ? "--config " + location.config : "--store " + location.store;
  }
}
