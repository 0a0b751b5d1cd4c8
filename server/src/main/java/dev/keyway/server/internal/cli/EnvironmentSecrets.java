package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.config.SecretSource;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds {@code ${secret:name}} values in environment variables, which override the encrypted store
 * beside the configuration: {@code ${secret:stripe.live}} is {@code KEYWAY_SECRET_STRIPE_LIVE}
 * (upper case, every character other than a letter or digit becomes {@code _}). An
 * environment-specific variable, {@code KEYWAY_SECRET_LIVE_STRIPE_LIVE}, wins over the plain one in
 * that environment.
 */
final class EnvironmentSecrets implements SecretSource {

  static final String PREFIX = "KEYWAY_SECRET_";

  private final Function<String, String> environment;

  EnvironmentSecrets(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Returns the variable that holds secret {@code name} in every environment. */
  static String variable(String name) {
    return PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** Returns the variable that supplies {@code name} in {@code env}, for messages. */
  String variableFor(String name, Environment env) {
    String scoped = PREFIX + env.name() + "_" + variable(name).substring(PREFIX.length());
    return environment.apply(scoped) != null ? scoped : variable(name);
  }

  @Override
  public Optional<Secret> find(String name, Environment env) {
    String scoped = PREFIX + env.name() + "_" + variable(name).substring(PREFIX.length());
    return Optional.ofNullable(environment.apply(scoped))
        .or(() -> Optional.ofNullable(environment.apply(variable(name))))
        .map(Secret::of);
  }

  @Override
  public String toString() {
    return "EnvironmentSecrets[" + PREFIX + "*]";
  }
}
