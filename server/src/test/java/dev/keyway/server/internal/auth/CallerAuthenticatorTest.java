package dev.keyway.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.settings.GatewaySettingsReader;
import dev.keyway.testkit.FakeClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CallerAuthenticator accepts caller keys and RS, PS, ES and HS session tokens")
class CallerAuthenticatorTest {

  private static final String COLLECTIONS =
      """
      collections:
        api: { baseUrl: https://api.example, auth: { type: none }, calls: { get: { path: / } } }
      """;

  private final FakeClock clock = new FakeClock();

  private CallerAuthenticator authenticator(String callers, Map<String, String> secrets) {
    return new CallerAuthenticator(
        GatewaySettingsReader.read(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(secrets))
                    .parse("callers:\n" + callers + COLLECTIONS))
            .callers(),
        clock);
  }

  private static KeyPair keyPair(String algorithm, Object spec) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (spec instanceof Integer bits) {
      generator.initialize(bits);
    } else {
      generator.initialize((ECGenParameterSpec) spec);
    }
    return generator.generateKeyPair();
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private String token(JWSSigner signer, JWSAlgorithm algorithm, String kid) throws JOSEException {
    Instant now = clock.instant();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).keyID(kid).build(),
            new JWTClaimsSet.Builder()
                .subject("alice")
                .audience("keyway")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static Caller accepted(Authentication authentication) {
    assertThat(authentication).isInstanceOf(Authentication.Accepted.class);
    return ((Authentication.Accepted) authentication).caller();
  }

  private static String refused(Authentication authentication) {
    assertThat(authentication).isInstanceOf(Authentication.Refused.class);
    return ((Authentication.Refused) authentication).detail();
  }

  @Test
  @DisplayName("a caller key is found by its hash, whatever the case of the scheme")
  void callerKey() {
    String key = CallerKeys.newKey();
    CallerAuthenticator authenticator =
        authenticator(
            "  backend: { key: \"" + CallerKeys.hash(key) + "\", allow: [\"*\"] }\n", Map.of());

    Caller caller = accepted(authenticator.authenticate(Optional.of("bearer " + key)));

    assertThat(caller.id()).isEqualTo("backend");
    assertThat(caller.user()).isEmpty();
    assertThat(refused(authenticator.authenticate(Optional.of("Bearer " + key + "x"))))
        .isEqualTo("the caller key is not known");
    assertThat(refused(authenticator.authenticate(Optional.of("Bearer "))))
        .isEqualTo("the Bearer credential is empty");
  }

  @Test
  @DisplayName("RS256 with a PEM public key and ES256 with a JWK set verify; the user is the sub")
  void publicKeys() throws Exception {
    KeyPair rsa = keyPair("RSA", 2048);
    KeyPair ec = keyPair("EC", new ECGenParameterSpec("secp256r1"));
    String jwks =
        new JWKSet(new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).keyID("k1").build())
            .toString();
    CallerAuthenticator authenticator =
        authenticator(
            """
              rsa:
                session: { algorithm: RS256, publicKey: "${secret:pem}" }
                allow: ["*"]
              ec:
                session: { algorithm: ES256, jwks: "${secret:jwks}" }
                allow: ["api.get"]
            """,
            Map.of("pem", pem(rsa), "jwks", jwks));

    Caller byRsa =
        accepted(
            authenticator.authenticate(
                Optional.of(
                    "Bearer "
                        + token(new RSASSASigner(rsa.getPrivate()), JWSAlgorithm.RS256, null))));
    Caller byEc =
        accepted(
            authenticator.authenticate(
                Optional.of(
                    "Bearer "
                        + token(
                            new ECDSASigner((ECPrivateKey) ec.getPrivate()),
                            JWSAlgorithm.ES256,
                            "k1"))));

    assertThat(byRsa.id()).isEqualTo("rsa");
    assertThat(byRsa.user()).contains("alice");
    assertThat(byEc.id()).isEqualTo("ec");
    assertThat(byEc.allows("api", "get")).isTrue();
  }

  @Test
  @DisplayName("a token signed with an algorithm no caller accepts is refused, naming it")
  void otherAlgorithm() throws Exception {
    KeyPair rsa = keyPair("RSA", 2048);
    CallerAuthenticator authenticator =
        authenticator(
            "  web: { session: { algorithm: HS256, secret: \"${secret:s}\" }, allow: [\"*\"] }\n",
            Map.of("s", "x".repeat(32)));

    String token = token(new RSASSASigner(rsa.getPrivate()), JWSAlgorithm.RS256, null);

    assertThat(refused(authenticator.authenticate(Optional.of("Bearer " + token))))
        .isEqualTo("no caller accepts session tokens signed with RS256");
  }

  @Test
  @DisplayName("an HS256 token forged with an RSA public key as the secret is refused")
  void algorithmConfusion() throws Exception {
    KeyPair rsa = keyPair("RSA", 2048);
    String publicPem = pem(rsa);
    CallerAuthenticator authenticator =
        authenticator(
            "  web: { session: { algorithm: RS256, publicKey: \"${secret:pem}\" }, allow: [\"*\"] }\n",
            Map.of("pem", publicPem));

    String forged = token(new MACSigner(publicPem.getBytes()), JWSAlgorithm.HS256, null);

    assertThat(refused(authenticator.authenticate(Optional.of("Bearer " + forged))))
        .isEqualTo("no caller accepts session tokens signed with HS256");
  }

  @Test
  @DisplayName("a token that is not yet valid, or from the future, is refused")
  void timeClaims() throws Exception {
    CallerAuthenticator authenticator =
        authenticator(
            "  web: { session: { algorithm: HS256, secret: \"${secret:s}\", clockSkew: 10s }, allow: [\"*\"] }\n",
            Map.of("s", "x".repeat(32)));
    MACSigner signer = new MACSigner("x".repeat(32).getBytes());
    Instant now = clock.instant();
    JWTClaimsSet.Builder base =
        new JWTClaimsSet.Builder()
            .subject("alice")
            .audience("keyway")
            .expirationTime(Date.from(now.plusSeconds(120)));
    SignedJWT notYet =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            base.notBeforeTime(Date.from(now.plusSeconds(60))).build());
    notYet.sign(signer);
    SignedJWT future =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder(base.build())
                .notBeforeTime(null)
                .issueTime(Date.from(now.plusSeconds(60)))
                .build());
    future.sign(signer);

    assertThat(refused(authenticator.authenticate(Optional.of("Bearer " + notYet.serialize()))))
        .isEqualTo("the session token is not valid yet (nbf)");
    assertThat(refused(authenticator.authenticate(Optional.of("Bearer " + future.serialize()))))
        .isEqualTo("the session token was issued in the future (iat)");
    clock.advance(Duration.ofSeconds(55));
    assertThat(
            accepted(authenticator.authenticate(Optional.of("Bearer " + notYet.serialize())))
                .user())
        .contains("alice");
  }

  @Test
  @DisplayName("a malformed calls claim, or a garbled token, is refused")
  void malformed() throws Exception {
    CallerAuthenticator authenticator =
        authenticator(
            "  web: { session: { algorithm: HS256, secret: \"${secret:s}\" }, allow: [\"*\"] }\n",
            Map.of("s", "x".repeat(32)));
    Instant now = clock.instant();
    SignedJWT badCalls =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("alice")
                .audience("keyway")
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("calls", java.util.List.of("not a pattern"))
                .build());
    badCalls.sign(new MACSigner("x".repeat(32).getBytes()));

    assertThat(refused(authenticator.authenticate(Optional.of("Bearer " + badCalls.serialize()))))
        .contains("calls claim");
    assertThat(refused(authenticator.authenticate(Optional.of("Bearer a.b.c"))))
        .isEqualTo("the session token is not a well-formed JWT");
  }

  @Test
  @DisplayName("keys that cannot verify the algorithm are refused when the configuration loads")
  void unusableKeys() throws Exception {
    KeyPair small = keyPair("RSA", 1024);
    KeyPair p384 = keyPair("EC", new ECGenParameterSpec("secp384r1"));
    String jwks =
        new JWKSet(new RSAKey.Builder((RSAPublicKey) keyPair("RSA", 2048).getPublic()).build())
            .toString();

    try {
      authenticator(
          """
            small: { session: { algorithm: RS256, publicKey: "${secret:small}" }, allow: ["*"] }
            curve: { session: { algorithm: ES256, publicKey: "${secret:p384}" }, allow: ["*"] }
            kind: { session: { algorithm: ES256, jwks: "${secret:jwks}" }, allow: ["*"] }
          """,
          Map.of("small", pem(small), "p384", pem(p384), "jwks", jwks));
      throw new AssertionError("expected the keys to be refused");
    } catch (InvalidConfigException e) {
      assertThat(e.problems().stream().map(Object::toString))
          .containsExactly(
              "callers.small.session.publicKey: an RSA key needs at least 2048 bits",
              "callers.curve.session.publicKey: the key's curve cannot verify ES256, which needs"
                  + " P-256",
              "callers.kind.session.jwks: no public key in the set can verify ES256");
    }
  }
}
