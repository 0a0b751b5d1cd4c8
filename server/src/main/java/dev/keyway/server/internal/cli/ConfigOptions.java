package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.log.KeywayLoggers;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.core.secrets.SecretStoreException;
import dev.keyway.store.jdbc.JdbcTokenStore;
import dev.keyway.store.jdbc.TokenStoreSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import picocli.CommandLine.Option;

/** The options of every command that loads a configuration: {@code --config} and {@code --env}. */
final class ConfigOptions {

  private static final Logger LOG = KeywayLoggers.getLogger(ConfigOptions.class);

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

  /**
   * Loads the configuration and builds the Keyway that runs it, with the durable token store the
   * configuration names ({@code store}; by default the H2 file beside it), closed with it.
   */
  Keyway keyway(Terminal terminal) {
    KeywayConfig config = load(terminal);
    Keyway.Builder builder = Keyway.builder().config(config);
    tokenStore(config, terminal).ifPresent(store -> builder.tokenStore(store).closing(store));
    return builder.build();
  }

  /**
   * Opens the token store, sealed under the master key. Without a master key the default store
   * cannot encrypt, so tokens stay in memory (and a warning says so); a configured {@code store}
   * without one is an error.
   */
  private Optional<JdbcTokenStore> tokenStore(KeywayConfig config, Terminal terminal) {
    TokenStoreSettings settings = TokenStoreSettings.read(config, file);
    MasterKey master;
    try {
      master =
          MasterKey.locate(
              terminal.environment(),
              file.toAbsolutePath().getParent().resolve(MasterKey.DEFAULT_FILE_NAME));
    } catch (SecretStoreException noKey) {
      if (config.section("store") != null) {
        throw noKey;
      }
      LOG.warn(
          "no master key, so OAuth2 tokens and user connections are kept in memory only; run"
              + " keyway secrets init to keep them (encrypted) across restarts");
      return Optional.empty();
    }
    return Optional.of(settings.open(master));
  }
}
