package dev.keyway.server.internal.doctor;

import dev.keyway.api.Environment;
import java.util.Optional;

/**
 * Says where a {@code ${secret:name}} value would come from in an environment, without reading it:
 * {@code "store"}, the name of an overriding variable, or empty when it is nowhere.
 */
@FunctionalInterface
public interface SecretOrigins {

  /** Returns where {@code name}'s value for {@code environment} is, if anywhere. */
  Optional<String> origin(String name, Environment environment);
}
