package dev.keyway.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A declared call parameter: where it goes, whether a caller must pass it, its default, and whether
 * it is private. A private parameter's {@code value} comes from configuration only; a caller that
 * sends it is refused.
 */
public record ParamConfig(
    String name,
    Location in,
    boolean required,
    Optional<String> defaultValue,
    boolean isPrivate,
    Optional<String> value) {

  /** Where a parameter's value goes in the request. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    BODY
  }

  public ParamConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    // A private value may be a credential: never show it.
    return "ParamConfig[" + name + " in " + in + (isPrivate ? ", private" : "") + "]";
  }
}
