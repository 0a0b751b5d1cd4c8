package dev.keyway.api;

import java.util.Objects;

/**
 * One mistake in a configuration: where it is and what is wrong, e.g. {@code
 * collections.stripe.auth.key: required in environment live}. The message never contains a secret's
 * value.
 */
public record ConfigProblem(String path, String message) {

  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
