package dev.keyway.server.internal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "keyway",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Keyway: a gateway that calls third-party APIs with credentials that never reach callers."
    },
    subcommands = {
      ServeCommand.class,
      CallCommand.class,
      ConnectCommand.class,
      DoctorCommand.class,
      DemoCommand.class,
      HashKeyCommand.class,
      SecretsCommand.class,
      HelpCommand.class
    })
final class KeywayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On an error, print its stack trace too.")
  boolean verbose;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return KeywayCli.USAGE;
  }
}
