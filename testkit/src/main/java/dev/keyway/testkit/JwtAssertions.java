package dev.keyway.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the JWT assertions of RFC 7523: a jwt-bearer grant (§2.1) and a {@code private_key_jwt}
 * client authentication (§2.2). An assertion passes when it is signed (RS, PS or ES) by a key
 * trusted for its {@code iss}, its {@code aud} holds the token endpoint URL the client used, its
 * {@code exp} is in the future by the sandbox's clock, its {@code nbf} (if any) is not, its {@code
 * iat} (if any) is at most a minute ahead, and its {@code jti} was never accepted before. Thread-
 * safe: each {@code jti} is accepted once, even by two requests racing.
 */
final class JwtAssertions {

  private static final Duration ISSUED_AHEAD = Duration.ofMinutes(1);

  private final Clock clock;
  private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();

  JwtAssertions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns the claims of {@code assertion} if it passes, else empty.
   *
   * @param keys the keys trusted per issuer
   * @param audience the token endpoint URL the client used
   * @param maxLifetime the longest {@code exp - iat} allowed (then {@code iat} is required), or
   *     {@code null} for no limit
   */
  Optional<JWTClaimsSet> verify(
      String assertion, TrustedKeys keys, String audience, Duration maxLifetime) {
    try {
      SignedJWT jwt = SignedJWT.parse(assertion);
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      String issuer = claims.getIssuer();
      boolean valid =
          issuer != null
              && JwtRealm.ALGORITHMS.contains(jwt.getHeader().getAlgorithm())
              && signedBy(jwt, keys.of(issuer))
              && claims.getAudience().contains(audience)
              && timely(claims, maxLifetime)
              && claims.getJWTID() != null
              && acceptedIds.add(issuer + ' ' + claims.getJWTID());
      return valid ? Optional.of(claims) : Optional.empty();
    } catch (ParseException notAJwt) {
      return Optional.empty();
    }
  }

  private static boolean signedBy(SignedJWT jwt, List<PublicKey> keys) {
    DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    for (PublicKey key : keys) {
      try {
        JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), key);
        if (jwt.verify(verifier)) {
          return true;
        }
      } catch (JOSEException wrongKeyType) {
        // try the next key
      }
    }
    return false;
  }

  private boolean timely(JWTClaimsSet claims, Duration maxLifetime) {
    Instant now = clock.instant();
    Instant expires = instant(claims.getExpirationTime());
    Instant notBefore = instant(claims.getNotBeforeTime());
    Instant issued = instant(claims.getIssueTime());
    if (expires == null || !now.isBefore(expires)) {
      return false;
    }
    if (notBefore != null && now.isBefore(notBefore)) {
      return false;
    }
    if (issued != null && issued.isAfter(now.plus(ISSUED_AHEAD))) {
      return false;
    }
    return maxLifetime == null
        || (issued != null && Duration.between(issued, expires).compareTo(maxLifetime) <= 0);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
