package dev.keyway.spi;

import dev.keyway.api.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An access token with what core needs to cache it: when it was issued, when it expires (if known),
 * the refresh token that renews it (if any), and {@code details}: facts about it that are not
 * secret, such as the provider's id and e-mail of the user it belongs to. Both tokens are {@link
 * Secret}s, so {@link #toString()} shows neither.
 */
public record Token(
    Secret accessToken,
    String type,
    Optional<Secret> refreshToken,
    Instant issuedAt,
    Optional<Instant> expiresAt,
    Set<String> scopes,
    Map<String, String> details) {

  /** The detail holding the provider's id of the user the token belongs to. */
  public static final String PROVIDER_USER_ID = "providerUserId";

  /** The detail holding the provider's e-mail address of the user the token belongs to. */
  public static final String EMAIL = "email";

  public Token {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
    details = Map.copyOf(new TreeMap<>(details));
  }

  /** Creates a token without details. */
  public Token(
      Secret accessToken,
      String type,
      Optional<Secret> refreshToken,
      Instant issuedAt,
      Optional<Instant> expiresAt,
      Set<String> scopes) {
    this(accessToken, type, refreshToken, issuedAt, expiresAt, scopes, Map.of());
  }

  /**
   * Returns a bearer token issued at {@code issuedAt} with no known expiry and no refresh token.
   */
  public static Token bearer(Secret accessToken, Instant issuedAt) {
    return new Token(accessToken, "Bearer", Optional.empty(), issuedAt, Optional.empty(), Set.of());
  }

  /** Returns a copy that expires at {@code instant}. */
  public Token expiringAt(Instant instant) {
    return new Token(
        accessToken, type, refreshToken, issuedAt, Optional.of(instant), scopes, details);
  }

  /** Returns a copy with {@code refresh} as its refresh token. */
  public Token withRefreshToken(Secret refresh) {
    return new Token(accessToken, type, Optional.of(refresh), issuedAt, expiresAt, scopes, details);
  }

  /** Returns a copy with {@code newDetails} as its details. */
  public Token withDetails(Map<String, String> newDetails) {
    return new Token(accessToken, type, refreshToken, issuedAt, expiresAt, scopes, newDetails);
  }
}
