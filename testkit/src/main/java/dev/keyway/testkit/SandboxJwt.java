package dev.keyway.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link Sandbox}'s {@code /jwt/**} realm, which accepts JWTs signed with a key it trusts: for
 * {@code jwt-static} (send {@link #token()}) and {@code jwt-self-signed} (sign with {@link
 * #privateKeyPem()} or {@link #ecPrivateKeyPem()}, or register your own key with {@link #trust}).
 *
 * <pre>{@code
 * auth: { type: jwt-self-signed, privateKey: sandbox.jwt().privateKeyPem(), iss: "my-app" }
 * // a call to sandbox.baseUrl() + "/jwt/things" is answered 200
 * }</pre>
 *
 * <p>The realm reads time from the sandbox's clock ({@link Sandbox.Builder#clock}), so tests that
 * run Keyway on a {@link FakeClock} give the sandbox the same one. The two key pairs are made once
 * per JVM, on first use. Thread-safe.
 */
public final class SandboxJwt {

  private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private final JwtRealm realm;

  SandboxJwt(JwtRealm realm) {
    this.realm = realm;
  }

  /** Returns the RSA 2048 private key the realm trusts, as a PKCS#8 PEM block. */
  public String privateKeyPem() {
    return Pem.privateKey(SandboxKeys.rsa().getPrivate());
  }

  /** Returns the public half of {@link #privateKeyPem()}. */
  public PublicKey publicKey() {
    return SandboxKeys.rsa().getPublic();
  }

  /** Returns the EC P-256 private key the realm trusts, as a PKCS#8 PEM block. */
  public String ecPrivateKeyPem() {
    return Pem.privateKey(SandboxKeys.ec().getPrivate());
  }

  /** Returns the public half of {@link #ecPrivateKeyPem()}. */
  public PublicKey ecPublicKey() {
    return SandboxKeys.ec().getPublic();
  }

  /** Makes the realm accept JWTs signed with the private half of {@code key} too. */
  public void trust(PublicKey key) {
    realm.trust(Objects.requireNonNull(key, "key"));
  }

  /**
   * Returns a JWT the realm accepts for an hour from now (by the sandbox's clock): RS256, {@code
   * iss} {@code sandbox}, {@code sub} {@code kit}.
   */
  public String token() {
    return token(realm.clock().instant().plus(TOKEN_LIFETIME));
  }

  /** Returns a JWT like {@link #token()} that expires at {@code expiresAt}. */
  public String token(Instant expiresAt) {
    Instant now = realm.clock().instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("sandbox")
            .subject("kit")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(SandboxKeys.rsa().getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException("the sandbox could not sign a JWT", e);
    }
    return jwt.serialize();
  }

  @Override
  public String toString() {
    return "SandboxJwt[/jwt]";
  }
}
