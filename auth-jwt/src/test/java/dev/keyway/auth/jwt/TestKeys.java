package dev.keyway.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Date;

/** Tokens signed with keys the sandbox does not trust, unless a test tells it to. */
final class TestKeys {

  private TestKeys() {}

  /** Returns an ES256 JWT signed with {@code keys}, expiring at {@code expiresAt}. */
  static String es256(KeyPair keys, Instant expiresAt) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("elsewhere")
            .issueTime(Date.from(expiresAt.minusSeconds(3600)))
            .expirationTime(Date.from(expiresAt))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
    try {
      jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
