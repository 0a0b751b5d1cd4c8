package dev.keyway.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A collection's {@code auth} block: the provider {@code type} and its settings, already resolved
 * for the active environment. Setting values are {@code String}, {@code List<String>} or a nested
 * {@code Map<String, Object>} of the same. {@code absentInEnvironment} names the top-level settings
 * that have a value for the other environment only, so that a provider's "required" can say
 * "required in environment live".
 */
public record AuthConfig(
    String type, Map<String, Object> settings, Set<String> absentInEnvironment) {

  public AuthConfig {
    Objects.requireNonNull(type, "type");
    settings = Map.copyOf(settings);
    absentInEnvironment = Set.copyOf(absentInEnvironment);
  }

  /** Returns a block whose every setting has a value in the active environment. */
  public AuthConfig(String type, Map<String, Object> settings) {
    this(type, settings, Set.of());
  }

  /** Returns the {@code none} auth block. */
  public static AuthConfig none() {
    return new AuthConfig("none", Map.of());
  }

  @Override
  public String toString() {
    // Settings hold credentials: name them, never show them.
    return "AuthConfig[type=" + type + ", settings=" + settings.keySet() + "]";
  }
}
