package dev.keyway.core.config;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** What a {@link ConfigLoader} was configured with. Each {@code with...} returns a copy. */
record LoadOptions(
    SecretSource secrets,
    Optional<Environment> environment,
    Function<String, String> environmentVariables,
    Path baseDirectory,
    Consumer<ConfigProblem> warnings,
    Map<String, Set<String>> requiredAuthSettings) {

  LoadOptions {
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(environmentVariables, "environmentVariables");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(warnings, "warnings");
    requiredAuthSettings = Map.copyOf(requiredAuthSettings);
  }

  /** Returns options with the given fields and no knowledge of any auth provider's settings. */
  LoadOptions(
      SecretSource secrets,
      Optional<Environment> environment,
      Function<String, String> environmentVariables,
      Path baseDirectory,
      Consumer<ConfigProblem> warnings) {
    this(secrets, environment, environmentVariables, baseDirectory, warnings, Map.of());
  }

  LoadOptions withSecrets(SecretSource newSecrets) {
    return new LoadOptions(
        newSecrets,
        environment,
        environmentVariables,
        baseDirectory,
        warnings,
        requiredAuthSettings);
  }

  LoadOptions withEnvironment(Environment override) {
    return new LoadOptions(
        secrets,
        Optional.of(override),
        environmentVariables,
        baseDirectory,
        warnings,
        requiredAuthSettings);
  }

  LoadOptions withEnvironmentVariables(Function<String, String> lookup) {
    return new LoadOptions(
        secrets, environment, lookup, baseDirectory, warnings, requiredAuthSettings);
  }

  LoadOptions withBaseDirectory(Path directory) {
    return new LoadOptions(
        secrets, environment, environmentVariables, directory, warnings, requiredAuthSettings);
  }

  LoadOptions withWarnings(Consumer<ConfigProblem> listener) {
    return new LoadOptions(
        secrets, environment, environmentVariables, baseDirectory, listener, requiredAuthSettings);
  }

  LoadOptions withRequiredAuthSettings(Map<String, Set<String>> required) {
    return new LoadOptions(
        secrets, environment, environmentVariables, baseDirectory, warnings, required);
  }
}
