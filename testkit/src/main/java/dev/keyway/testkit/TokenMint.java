package dev.keyway.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;

/**
 * Makes the values of new tokens: random opaque strings, or JWT access tokens (HS256 with a key
 * made per sandbox and never shown) whose {@code exp} a client can read when {@code expires_in} is
 * left out.
 */
final class TokenMint {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key = new byte[32];

  TokenMint() {
    RANDOM.nextBytes(key);
  }

  /** Returns a new random opaque token. */
  String opaque() {
    return Credentials.random();
  }

  /**
   * Returns a new JWT access token for {@code grant}, valid from {@code issued} to {@code expires}.
   */
  String jwt(Grant grant, Instant issued, Instant expires) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("sandbox")
            .subject(grant.subject())
            .claim("client_id", grant.clientId())
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(expires))
            .jwtID(Credentials.random());
    if (!grant.scope().isEmpty()) {
      claims.claim("scope", grant.scope());
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
            claims.build());
    try {
      jwt.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("the sandbox could not sign an access token", e);
    }
    return jwt.serialize();
  }
}
