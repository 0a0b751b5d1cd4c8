package dev.keyway.server.internal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description = {
      "Keeps ${secret:NAME} values in the encrypted store (keyway.secrets.json beside the"
          + " configuration, or --store FILE).",
      "",
      "Start with init (a master key file), then set each value from standard input. Values are"
          + " sealed with AES-256-GCM; the master key comes from KEYWAY_MASTER_KEY (base64),"
          + " KEYWAY_MASTER_KEY_FILE, or keyway.master.key beside the store."
    },
    subcommands = {
      SecretsInitCommand.class,
      SecretsSetCommand.class,
      SecretsListCommand.class,
      SecretsDeleteCommand.class,
      SecretsRotateCommand.class
    })
final class SecretsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return KeywayCli.USAGE;
  }
}
