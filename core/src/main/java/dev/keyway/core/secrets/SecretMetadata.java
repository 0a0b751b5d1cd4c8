package dev.keyway.core.secrets;

import dev.keyway.api.Environment;
import java.time.Instant;
import java.util.Objects;

/**
 * What a secret store tells about one value without revealing it: name, environment, last change.
 */
public record SecretMetadata(String name, Environment environment, Instant lastChanged) {

  public SecretMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(lastChanged, "lastChanged");
  }
}
