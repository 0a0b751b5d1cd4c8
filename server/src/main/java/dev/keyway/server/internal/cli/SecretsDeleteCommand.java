package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.SecretStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {"Removes secret NAME: from one environment with --env, else from both."})
final class SecretsDeleteCommand implements Callable<Integer> {

  private final Terminal terminal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StoreLocation location;

  @Parameters(index = "0", paramLabel = "NAME", description = "The name in ${secret:NAME}.")
  String name;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "dev|live",
      description = "Only this environment's value.")
  String environment;

  SecretsDeleteCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (!SecretStore.isValidName(name)) {
      throw new UsageProblem(
          "NAME: use 1 to 128 letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    List<Environment> from =
        environment == null
            ? List.of(Environment.values())
            : List.of(StoreLocation.environment(environment, "--env"));
    EncryptedFileSecretStore store = location.open(terminal.environment());
    List<String> deleted = new ArrayList<>();
    for (Environment env : from) {
      if (store.delete(name, env)) {
        deleted.add(env.configName());
      }
    }
    if (deleted.isEmpty()) {
      terminal
          .err()
          .println(
              "keyway: no secret "
                  + name
                  + (environment == null ? "" : " (" + environment + ")")
                  + " in "
                  + store.file()
                  + "; keyway secrets list shows what is there");
      terminal.err().flush();
      return KeywayCli.FAILED;
    }
    terminal.out().println("keyway: deleted " + name + " (" + String.join(", ", deleted) + ")");
    terminal.out().flush();
    return 0;
  }
}
