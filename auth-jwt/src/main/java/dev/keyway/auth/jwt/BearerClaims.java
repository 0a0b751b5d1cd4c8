package dev.keyway.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The claims of a jwt-bearer grant's assertion (RFC 7523 §3): {@code iss} (the service account),
 * {@code aud} (the token endpoint unless configured), {@code scope} as one space-separated claim
 * (as Google reads it), {@code iat}, {@code exp = iat + lifetime}, a random {@code jti} so the
 * server can refuse a replay, and {@code sub} when the account acts for someone (impersonation).
 */
record BearerClaims(
    String issuer, Optional<String> subject, String audience, String scope, Duration lifetime) {

  /** Returns the claims of a new assertion issued at {@code now}. */
  JWTClaimsSet at(Instant now) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString());
    subject.ifPresent(claims::subject);
    if (!scope.isEmpty()) {
      claims.claim("scope", scope);
    }
    return claims.build();
  }
}
