package dev.keyway.server.internal.cli;

import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.SecretMetadata;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {"Lists the stored secrets: name, environment, last change. Never a value."})
final class SecretsListCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Terminal terminal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StoreLocation location;

  SecretsListCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    EncryptedFileSecretStore store = location.open(terminal.environment());
    List<SecretMetadata> all = store.list();
    PrintWriter out = terminal.out();
    if (all.isEmpty()) {
      out.println("keyway: no secrets in " + store.file());
      out.flush();
      return 0;
    }
    int width = Math.max(4, all.stream().mapToInt(m -> m.name().length()).max().orElse(4));
    String row = "%-" + width + "s  %-4s  %s%n";
    out.printf(row, "NAME", "ENV", "LAST CHANGE");
    for (SecretMetadata secret : all) {
      out.printf(
          row, secret.name(), secret.environment().configName(), WHEN.format(secret.lastChanged()));
    }
    out.println(all.size() + (all.size() == 1 ? " value" : " values") + " in " + store.file());
    out.flush();
    return 0;
  }
}
