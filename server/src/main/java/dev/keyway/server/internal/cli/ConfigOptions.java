package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.KeywayConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that loads a configuration: {@code --config} and {@code --env}. */
final class ConfigOptions {

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "The configuration file (YAML or JSON).")
  Path file;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "dev|live",
      description =
          "The environment whose values to use; overrides KEYWAY_ENV and the file's environment.")
  String environment;

  /**
   * Loads the configuration, resolving secrets from {@code KEYWAY_SECRET_*} variables, then from
   * the encrypted store beside the file ({@link CommandLineSecrets}).
   */
  KeywayConfig load(Terminal terminal) {
    ConfigLoader loader =
        ConfigLoader.create()
            .withEnvironmentVariables(terminal.environment())
            .withSecrets(CommandLineSecrets.forConfig(file, terminal.environment()));
    if (environment != null) {
      loader =
          loader.withEnvironment(
              Environment.parse(environment)
                  .orElseThrow(
                      () -> new UsageProblem("--env: expected dev or live, not " + environment)));
    }
    return loader.load(file);
  }

  /** Loads the configuration and builds the Keyway that runs it. */
  Keyway keyway(Terminal terminal) {
    return Keyway.builder().config(load(terminal)).build();
  }
}
