package dev.keyway.server.internal.settings;

import dev.keyway.server.internal.auth.CallPattern;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code callers:}: how it proves who it is (the hash of its key, session JWTs, or
 * both), which calls it may make, which browser origins may use it, and where a user connection may
 * return to.
 */
public record CallerSettings(
    String id,
    Optional<String> keyHash,
    Optional<SessionSettings> session,
    List<CallPattern> allow,
    List<String> origins,
    List<URI> returnTo) {

  public CallerSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(keyHash, "keyHash");
    Objects.requireNonNull(session, "session");
    allow = List.copyOf(allow);
    origins = List.copyOf(origins);
    returnTo = List.copyOf(returnTo);
  }
}
