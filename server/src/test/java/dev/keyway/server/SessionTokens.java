package dev.keyway.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

/** Mints session tokens the way an application's backend would, for the tests. */
final class SessionTokens {

  private SessionTokens() {}

  /** Returns an HS256 token for {@code user}, issued at {@code now}, living {@code lifetime}. */
  static String hs256(String secret, String user, Instant now, Duration lifetime) {
    return hs256(
        secret, now, claims -> claims.subject(user).expirationTime(Date.from(now.plus(lifetime))));
  }

  /** Returns an HS256 token with audience keyway and {@code iat = now}, then {@code more}. */
  static String hs256(String secret, Instant now, UnaryOperator<JWTClaimsSet.Builder> more) {
    JWTClaimsSet claims =
        more.apply(new JWTClaimsSet.Builder().audience("keyway").issueTime(Date.from(now))).build();
    try {
      return sign(
          new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns an unsigned token ({@code alg: none}) with {@code claims}. */
  static String unsigned(JWTClaimsSet claims) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload = base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }
}
