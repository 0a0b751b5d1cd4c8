package dev.keyway.core.config;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code ${secret:name}} references are looked up. The encrypted secret store implements it;
 * tests and embedders can back it with a map.
 */
@FunctionalInterface
public interface SecretSource {

  /** A source with no secret at all. */
  SecretSource NONE = (name, environment) -> Optional.empty();

  /** Returns the value of secret {@code name} for {@code environment}, if it is set. */
  Optional<Secret> find(String name, Environment environment);

  /** Returns a source holding {@code values} by name, the same in every environment. */
  static SecretSource of(Map<String, String> values) {
    Map<String, Secret> secrets = new java.util.HashMap<>();
    values.forEach((name, value) -> secrets.put(name, Secret.of(value)));
    Map<String, Secret> copy = Map.copyOf(secrets);
    return (name, environment) -> Optional.ofNullable(copy.get(name));
  }
}
