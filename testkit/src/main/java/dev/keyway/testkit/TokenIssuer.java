package dev.keyway.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issues tokens for a granted request and writes the successful token response (RFC 6749 §5.1),
 * following the knobs of {@link OAuthPolicy}: lifetime, JWT or opaque access tokens, whether {@code
 * expires_in} is sent. Times come from the sandbox's clock.
 */
final class TokenIssuer {

  private final OAuthPolicy policy;
  private final TokenStore store;
  private final TokenMint mint = new TokenMint();
  private final Clock clock;

  TokenIssuer(OAuthPolicy policy, TokenStore store, Clock clock) {
    this.policy = policy;
    this.store = store;
    this.clock = clock;
  }

  /** Returns a new family id: the root of the tokens of one original grant. */
  static String newFamily() {
    return Credentials.random();
  }

  /** Returns a new access token for {@code grant} in {@code family}. */
  String accessToken(Grant grant, String family) {
    Instant now = clock.instant();
    Instant expires = now.plus(policy.tokenLifetime());
    String token = policy.jwtAccessTokens() ? mint.jwt(grant, now, expires) : mint.opaque();
    store.addAccess(token, grant, family, expires);
    return token;
  }

  /** Returns a new refresh token for {@code grant} in {@code family}. */
  String refreshToken(Grant grant, String family) {
    String token = mint.opaque();
    store.addRefresh(token, grant, family, clock.instant().plus(policy.refreshTokenLifetime()));
    return token;
  }

  /**
   * Returns the token response for {@code grant}: a new access token, and a new refresh token if
   * {@code withRefresh}.
   */
  Map<String, Object> respond(Grant grant, String family, boolean withRefresh) {
    return respond(grant, withRefresh ? grant : null, family);
  }

  /**
   * Returns the token response with a new access token for {@code grant}, and a new refresh token
   * for {@code refreshGrant} unless it is {@code null}.
   */
  Map<String, Object> respond(Grant grant, Grant refreshGrant, String family) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accessToken(grant, family));
    body.put("token_type", "Bearer");
    if (!policy.omitExpiresIn()) {
      body.put("expires_in", lifetimeSeconds());
    }
    if (refreshGrant != null) {
      body.put("refresh_token", refreshToken(refreshGrant, family));
    }
    if (!grant.scope().isEmpty()) {
      body.put("scope", grant.scope());
    }
    return body;
  }

  /** Returns the access token lifetime in whole seconds. */
  long lifetimeSeconds() {
    Duration lifetime = policy.tokenLifetime();
    return lifetime.getSeconds();
  }
}
