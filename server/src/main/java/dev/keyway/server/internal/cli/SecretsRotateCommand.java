package dev.keyway.server.internal.cli;

import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rotate-master-key",
    mixinStandardHelpOptions = true,
    description = {
      "Re-wraps the store's data keys under a new master key. Values stay readable and are not"
          + " re-encrypted; values written afterwards use a new data key.",
      "",
      "Without --new-key-file, a new key replaces the one in the current key file"
          + " (KEYWAY_MASTER_KEY_FILE or keyway.master.key beside the store); it is written to"
          + " FILE.new first, so no step can lose it. With --new-key-file, the key in that file"
          + " is used (made new there if the file does not exist) and the current key file is"
          + " left alone: point Keyway at the new one afterwards. A running gateway keeps the"
          + " values it loaded; restart it with the new key."
    })
final class SecretsRotateCommand implements Callable<Integer> {

  private final Terminal terminal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StoreLocation location;

  @Option(
      names = "--new-key-file",
      paramLabel = "FILE",
      description = "The new master key: read from FILE, or created there (0600) if it is absent.")
  Path newKeyFile;

  SecretsRotateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    EncryptedFileSecretStore store = location.open(terminal.environment());
    MasterKey old = store.masterKey();
    PrintWriter out = terminal.out();
    if (newKeyFile != null) {
      Path target = newKeyFile.toAbsolutePath().normalize();
      MasterKey fresh =
          Files.exists(target) ? MasterKey.readFile(target) : MasterKey.createFile(target);
      store.rotateMasterKey(fresh);
      out.println(
          "keyway: the store is now sealed under " + fresh.id() + " (was " + old.id() + ")");
      out.println("  The new key is in " + target + "; the old key opens nothing any more.");
      out.println(
          "  Use it from now on: export "
              + MasterKey.FILE_VARIABLE
              + "="
              + target
              + " (or move it to "
              + location.defaultKeyFile()
              + ")");
      out.flush();
      return 0;
    }
    Optional<Path> current = location.keyFile(terminal.environment());
    if (current.isEmpty()) {
      throw new UsageProblem(
          "the master key comes from "
              + MasterKey.ENVIRONMENT_VARIABLE
              + ", which this command cannot change: give --new-key-file FILE, then set "
              + MasterKey.ENVIRONMENT_VARIABLE
              + " to that file's contents (or "
              + MasterKey.FILE_VARIABLE
              + "=FILE)");
    }
    Path keyFile = current.get();
    Path staged = keyFile.resolveSibling(keyFile.getFileName() + ".new");
    // Kept on disk before the store changes: if anything fails later, this file holds the key.
    MasterKey fresh = MasterKey.createFile(staged);
    store.rotateMasterKey(fresh);
    fresh.writeFile(keyFile);
    Files.delete(staged);
    out.println("keyway: the store is now sealed under " + fresh.id() + " (was " + old.id() + ")");
    out.println("  " + keyFile + " holds the new key; the old key opens nothing any more.");
    out.println("  Restart running gateways; update any copy of the old key you keep.");
    out.flush();
    return 0;
  }
}
