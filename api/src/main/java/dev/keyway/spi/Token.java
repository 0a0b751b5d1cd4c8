package dev.keyway.spi;

import dev.keyway.api.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An access token with what core needs to cache it: when it was issued, when it expires (if known),
 * and the refresh token that renews it (if any). Both tokens are {@link Secret}s, so {@link
 * #toString()} shows neither.
 */
public record Token(
    Secret accessToken,
    String type,
    Optional<Secret> refreshToken,
    Instant issuedAt,
    Optional<Instant> expiresAt,
    Set<String> scopes) {

  public Token {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
  }

  /**
   * Returns a bearer token issued at {@code issuedAt} with no known expiry and no refresh token.
   */
  public static Token bearer(Secret accessToken, Instant issuedAt) {
    return new Token(accessToken, "Bearer", Optional.empty(), issuedAt, Optional.empty(), Set.of());
  }

  /** Returns a copy that expires at {@code instant}. */
  public Token expiringAt(Instant instant) {
    return new Token(accessToken, type, refreshToken, issuedAt, Optional.of(instant), scopes);
  }

  /** Returns a copy with {@code refresh} as its refresh token. */
  public Token withRefreshToken(Secret refresh) {
    return new Token(accessToken, type, Optional.of(refresh), issuedAt, expiresAt, scopes);
  }
}
