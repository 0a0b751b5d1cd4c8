package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.config.SecretSource;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.server.internal.doctor.SecretOrigins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the commands that load a configuration find {@code ${secret:name}} values: a {@code
 * KEYWAY_SECRET_*} variable first (an override, e.g. in a container), then the encrypted store
 * {@code keyway.secrets.json} beside the configuration, when that file exists. The store's master
 * key is looked up only when a value is not overridden, so a configuration whose secrets all come
 * from variables needs none.
 */
final class CommandLineSecrets implements SecretSource {

  private final EnvironmentSecrets variables;
  private final Optional<EncryptedFileSecretStore> store;

  private CommandLineSecrets(
      EnvironmentSecrets variables, Optional<EncryptedFileSecretStore> store) {
    this.variables = variables;
    this.store = store;
  }

  /** Returns the secrets for {@code configFile}, reading variables with {@code environment}. */
  static CommandLineSecrets forConfig(Path configFile, Function<String, String> environment) {
    Path storeFile =
        configFile
            .toAbsolutePath()
            .normalize()
            .resolveSibling(EncryptedFileSecretStore.DEFAULT_FILE_NAME);
    return new CommandLineSecrets(
        new EnvironmentSecrets(environment),
        Files.exists(storeFile)
            ? Optional.of(EncryptedFileSecretStore.besideConfig(configFile, environment))
            : Optional.empty());
  }

  /** Returns the store beside the configuration, if there is one. */
  Optional<EncryptedFileSecretStore> store() {
    return store;
  }

  /**
   * Returns where each secret's value would come from, as the store lists it now (the list holds no
   * values and needs no master key): the overriding variable's name, or {@code store}.
   */
  SecretOrigins origins() {
    Set<String> stored = new HashSet<>();
    store.ifPresent(
        s -> s.list().forEach(m -> stored.add(m.environment().configName() + "/" + m.name())));
    return (name, environment) -> {
      if (variables.find(name, environment).isPresent()) {
        return Optional.of(variables.variableFor(name, environment));
      }
      return stored.contains(environment.configName() + "/" + name)
          ? Optional.of("store")
          : Optional.empty();
    };
  }

  @Override
  public Optional<Secret> find(String name, Environment environment) {
    Optional<Secret> overridden = variables.find(name, environment);
    if (overridden.isPresent() || store.isEmpty()) {
      return overridden;
    }
    return store.get().find(name, environment);
  }

  @Override
  public String toString() {
    return "CommandLineSecrets[" + variables + store.map(s -> ", " + s.file()).orElse("") + "]";
  }
}
