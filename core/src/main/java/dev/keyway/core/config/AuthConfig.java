package dev.keyway.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * A collection's {@code auth} block: the provider {@code type} and its settings, already resolved
 * for the active environment. Setting values are {@code String}, {@code List<String>} or a nested
 * {@code Map<String, Object>} of the same.
 */
public record AuthConfig(String type, Map<String, Object> settings) {

  public AuthConfig {
    Objects.requireNonNull(type, "type");
    settings = Map.copyOf(settings);
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
