package dev.keyway.auth.jwt;

import static dev.keyway.auth.jwt.JwtKeyway.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.RecordedRequest;
import dev.keyway.testkit.Sandbox;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("jwt-self-signed")
class JwtSelfSignedTest {

  private static final KeyPair RSA = Pems.rsa(2048);
  private static final KeyPair EC_384 = Pems.ec("secp384r1");

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final JwtKeyway keyways = new JwtKeyway(sandbox, clock);

  @AfterEach
  void close() {
    keyways.close();
    sandbox.close();
  }

  private static Map<String, Object> auth(String privateKey, Object... more) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", "jwt-self-signed");
    auth.put("privateKey", privateKey);
    for (int i = 0; i < more.length; i += 2) {
      auth.put((String) more[i], more[i + 1]);
    }
    return auth;
  }

  private static String sentToken(RecordedRequest request) {
    return request.header("Authorization").orElseThrow().substring("Bearer ".length());
  }

  private SignedJWT lastJwt() throws Exception {
    return SignedJWT.parse(sentToken(sandbox.lastRequest()));
  }

  @Test
  @DisplayName("signs RS256 with the claims configured, iat a minute back and exp a lifetime on")
  void claims() throws Exception {
    Keyway keyway =
        keyways.build(
            auth(
                sandbox.jwt().privateKeyPem(),
                "iss",
                "123456",
                "sub",
                "installation",
                "aud",
                List.of("api", "audit"),
                "kid",
                "key-1",
                "claims",
                Map.of("scope", "read", "roles", List.of("a", "b"))));

    assertThat(call(keyway).status()).isEqualTo(200);

    SignedJWT jwt = lastJwt();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-1");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    Instant now = clock.instant();
    assertThat(claims.getIssuer()).isEqualTo("123456");
    assertThat(claims.getSubject()).isEqualTo("installation");
    assertThat(claims.getAudience()).containsExactly("api", "audit");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(now.minusSeconds(60));
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(9)));
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getStringClaim("scope")).isEqualTo("read");
    assertThat(claims.getStringListClaim("roles")).containsExactly("a", "b");
    assertThat(keyway.authMethod("api")).hasToString("jwt-self-signed[RS256]");
  }

  @Test
  @DisplayName("signs once per lifetime, never per request, and signs anew before exp")
  void signsOncePerLifetime() {
    Keyway keyway = keyways.build(auth(sandbox.jwt().privateKeyPem(), "iss", "app"));

    for (int i = 0; i < 10; i++) {
      call(keyway);
    }
    clock.advance(Duration.ofMinutes(7).plusSeconds(59));
    call(keyway);
    List<String> firstLifetime =
        sandbox.requests().stream().map(JwtSelfSignedTest::sentToken).distinct().toList();
    clock.advance(Duration.ofSeconds(2));
    call(keyway);
    call(keyway);
    List<String> all =
        sandbox.requests().stream().map(JwtSelfSignedTest::sentToken).distinct().toList();

    assertThat(firstLifetime).hasSize(1);
    assertThat(all).hasSize(2);
    assertThat(sandbox.requests())
        .allSatisfy(request -> assertThat(request.rawPath()).isEqualTo("/jwt/things"));
    assertThat(sandbox.requestCount()).isEqualTo(13);
  }

  @Test
  @DisplayName("honours a configured lifetime and scheme")
  void lifetimeAndScheme() throws Exception {
    call(keyways.build(auth(sandbox.jwt().privateKeyPem(), "lifetime", "30m", "scheme", "JWT")));

    String header = sandbox.lastRequest().header("Authorization").orElseThrow();
    assertThat(header).startsWith("JWT ");
    JWTClaimsSet claims = SignedJWT.parse(header.substring(4)).getJWTClaimsSet();
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  @DisplayName("after a 401, signs a new JWT and sends once more, never more")
  void resignsAfter401() throws Exception {
    Keyway keyway = keyways.build(auth(Pems.pkcs8(RSA.getPrivate()), "iss", "app"));

    assertThat(call(keyway).status()).isEqualTo(401);

    assertThat(sandbox.requests()).hasSize(2);
    List<String> ids =
        sandbox.requests().stream()
            .map(JwtSelfSignedTest::sentToken)
            .map(
                token -> {
                  try {
                    return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
                  } catch (java.text.ParseException e) {
                    throw new AssertionError(e);
                  }
                })
            .distinct()
            .toList();
    assertThat(ids).hasSize(2);
  }

  @Nested
  @DisplayName("takes the key")
  class Keys {

    private JWSAlgorithm callWith(KeyPair keys, Map<String, Object> auth) throws Exception {
      sandbox.jwt().trust(keys.getPublic());
      assertThat(call(keyways.build(auth)).status()).isEqualTo(200);
      return lastJwt().getHeader().getAlgorithm();
    }

    @Test
    @DisplayName("as PKCS#1 RSA pasted on one line")
    void rsaOneLine() throws Exception {
      assertThat(callWith(RSA, auth(Pems.oneLine(Pems.traditional(RSA.getPrivate())))))
          .isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    @DisplayName("as encrypted PKCS#8 with keyPassword, signing PS256 when asked")
    void encryptedPs256() throws Exception {
      assertThat(
              callWith(
                  RSA,
                  auth(
                      Pems.encrypted(RSA.getPrivate(), "pw"),
                      "keyPassword",
                      "pw",
                      "algorithm",
                      "ps256")))
          .isEqualTo(JWSAlgorithm.PS256);
    }

    @Test
    @DisplayName("as a SEC1 EC key, signing with its curve's algorithm")
    void ec() throws Exception {
      assertThat(callWith(EC_384, auth(Pems.traditional(EC_384.getPrivate()))))
          .isEqualTo(JWSAlgorithm.ES384);
      assertThat(callWith(EC_384, auth(Pems.pkcs8(EC_384.getPrivate()), "algorithm", "ES384")))
          .isEqualTo(JWSAlgorithm.ES384);
    }
  }

  @Nested
  @DisplayName("refuses")
  class Refuses {

    private List<String> problems(Map<String, Object> auth) {
      return keyways.problems(auth);
    }

    @Test
    @DisplayName("none and HMAC algorithms, and algorithms that do not fit the key")
    void algorithms() {
      String rsa = Pems.pkcs8(RSA.getPrivate());
      String ec = Pems.pkcs8(EC_384.getPrivate());

      assertThat(problems(auth(rsa, "algorithm", "none")))
          .containsExactly(
              "collections.api.auth.algorithm: NONE is never used: the JWT is signed with the"
                  + " private key (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or"
                  + " ES512)");
      assertThat(problems(auth(rsa, "algorithm", "HS256")))
          .containsExactly(
              "collections.api.auth.algorithm: HS256 is never used: the JWT is signed with the"
                  + " private key (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or"
                  + " ES512)");
      assertThat(problems(auth(rsa, "algorithm", "ES256")))
          .containsExactly(
              "collections.api.auth.algorithm: does not fit an RSA key; expected RS256, RS384,"
                  + " RS512, PS256, PS384 or PS512");
      assertThat(problems(auth(ec, "algorithm", "ES256")))
          .containsExactly(
              "collections.api.auth.algorithm: does not fit this EC key on P-384, which signs with"
                  + " ES384 only");
    }

    @Test
    @DisplayName("a short RSA key and a key of another type")
    void keys() {
      assertThat(problems(auth(Pems.pkcs8(Pems.rsa(1024).getPrivate()))))
          .containsExactly(
              "collections.api.auth.privateKey: the RSA key has 1024 bits; at least 2048 are"
                  + " needed");
      assertThat(problems(auth(Pems.pkcs8(Pems.ed25519().getPrivate()))))
          .containsExactly(
              "collections.api.auth.privateKey: is a EdDSA key; JWTs are signed here with RSA or"
                  + " EC keys");
    }

    @Test
    @DisplayName("bad PEM, with the shared loader's messages at privateKey")
    void badPem() {
      String pem = Pems.pkcs8(RSA.getPrivate());

      assertThat(problems(auth(pem.substring(0, 100))))
          .containsExactly(
              "collections.api.auth.privateKey: the BEGIN PRIVATE KEY block has no END PRIVATE KEY"
                  + " line; it looks cut off, so copy all of it");
      assertThat(problems(auth(Pems.encrypted(RSA.getPrivate(), "pw"))))
          .containsExactly(
              "collections.api.auth.privateKey: the key is encrypted (BEGIN ENCRYPTED PRIVATE"
                  + " KEY); set keyPassword to its password");
    }

    @Test
    @DisplayName("a lifetime over an hour or under two minutes")
    void lifetimes() {
      String rsa = Pems.pkcs8(RSA.getPrivate());

      assertThat(problems(auth(rsa, "lifetime", "2h")))
          .containsExactly(
              "collections.api.auth.lifetime: at most 1h; a self-signed JWT is short-lived");
      assertThat(problems(auth(rsa, "lifetime", "30s")))
          .containsExactly(
              "collections.api.auth.lifetime: at least 2m: iat is set a minute in the past, and"
                  + " a JWT must outlive that");
    }

    @Test
    @DisplayName("claims Keyway sets, claims with settings of their own, and nested claims")
    void claims() {
      assertThat(
              problems(
                  auth(
                      Pems.pkcs8(RSA.getPrivate()),
                      "claims",
                      Map.of("exp", "1", "iss", "x", "nested", Map.of("a", "b")))))
          .containsExactlyInAnyOrder(
              "collections.api.auth.claims.exp: is set by Keyway for every token; remove it",
              "collections.api.auth.claims.iss: has a setting of its own; write iss: beside claims",
              "collections.api.auth.claims.nested: expected a single value or a list of values");
      assertThat(problems(auth(Pems.pkcs8(RSA.getPrivate()), "claims", "scope=read")))
          .containsExactly("collections.api.auth.claims: expected a map of claim names to values");
    }
  }
}
