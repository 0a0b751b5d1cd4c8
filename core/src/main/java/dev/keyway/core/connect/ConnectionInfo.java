package dev.keyway.core.connect;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may know of an end user's connection: who the user is at the provider, the scopes
 * granted, when the access token expires, and whether it can be refreshed. Never a token.
 */
public record ConnectionInfo(
    String providerUserId,
    Optional<String> email,
    Set<String> scopes,
    Optional<Instant> expiresAt,
    boolean refreshable) {

  public ConnectionInfo {
    scopes = Set.copyOf(scopes);
  }
}
