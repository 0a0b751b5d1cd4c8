package dev.keyway.auth.jwt;

import static dev.keyway.auth.jwt.BearerKeyway.auth;
import static dev.keyway.auth.jwt.BearerKeyway.call;
import static dev.keyway.auth.jwt.BearerKeyway.failure;
import static dev.keyway.auth.jwt.BearerKeyway.form;
import static dev.keyway.auth.jwt.BearerKeyway.jwt;
import static dev.keyway.auth.jwt.BearerKeyway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.RecordedRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jwt-bearer through Keyway against the sandbox's authorization server, which checks assertions.
 */
@DisplayName("jwt-bearer")
class JwtBearerTest {

  static final String ISSUER = "robot@project.iam.gserviceaccount.com";
  static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private static final KeyPair RSA = Pems.rsa(2048);
  private static final KeyPair EC_256 = Pems.ec("secp256r1");
  private static final KeyPair EC_384 = Pems.ec("secp384r1");

  private final BearerKeyway fixture = new BearerKeyway();

  @AfterEach
  void close() {
    fixture.close();
  }

  private Map<String, Object> bearer(String privateKey, Object... more) {
    Map<String, Object> auth =
        auth(
            "jwt-bearer",
            "iss",
            ISSUER,
            "tokenEndpoint",
            fixture.tokenUrl(),
            "privateKey",
            privateKey,
            "scope",
            "read write");
    for (int i = 0; i < more.length; i += 2) {
      auth.put((String) more[i], more[i + 1]);
    }
    return auth;
  }

  private void trust(KeyPair keys) {
    fixture.sandbox.oauth().trustAssertionKey(ISSUER, keys.getPublic());
  }

  private SignedJWT lastAssertion() {
    List<RecordedRequest> requests = fixture.tokenRequests();
    return jwt(requests.get(requests.size() - 1), "assertion");
  }

  private static KeyPair key(String name) {
    return switch (name) {
      case "RSA" -> RSA;
      case "P-256" -> EC_256;
      case "P-384" -> EC_384;
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Nested
  @DisplayName("signs with")
  class Algorithms {

    @ParameterizedTest(name = "{1} with an {0} key")
    @CsvSource({
      "RSA, RS256",
      "RSA, RS384",
      "RSA, RS512",
      "RSA, PS256",
      "P-256, ES256",
      "P-384, ES384"
    })
    @DisplayName("each algorithm the key allows, and the sandbox accepts the assertion")
    void eachAlgorithm(String keyName, String algorithm) {
      KeyPair keys = key(keyName);
      trust(keys);

      ApiResponse response =
          call(fixture.build(bearer(Pems.pkcs8(keys.getPrivate()), "algorithm", algorithm)));

      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      assertThat(lastAssertion().getHeader().getAlgorithm())
          .isEqualTo(JWSAlgorithm.parse(algorithm));
    }

    @Test
    @DisplayName("RS256 for an RSA key and the curve's algorithm for an EC key by default")
    void defaults() {
      trust(RSA);
      trust(EC_384);

      assertThat(call(fixture.build(bearer(Pems.pkcs8(RSA.getPrivate())))).status()).isEqualTo(200);
      assertThat(lastAssertion().getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);

      assertThat(call(fixture.build(bearer(Pems.pkcs8(EC_384.getPrivate())))).status())
          .isEqualTo(200);
      assertThat(lastAssertion().getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
    }
  }

  static Stream<Arguments> keyForms() {
    String pkcs8 = Pems.pkcs8(RSA.getPrivate());
    return Stream.of(
        Arguments.of("PKCS#8 (BEGIN PRIVATE KEY)", pkcs8, null),
        Arguments.of("PKCS#1 (BEGIN RSA PRIVATE KEY)", Pems.traditional(RSA.getPrivate()), null),
        Arguments.of(
            "encrypted PKCS#8 with keyPassword",
            Pems.encrypted(RSA.getPrivate(), "pässword 1"),
            "pässword 1"),
        Arguments.of("EC (BEGIN EC PRIVATE KEY)", Pems.traditional(EC_256.getPrivate()), null),
        Arguments.of("one line with spaces", Pems.oneLine(pkcs8), null),
        Arguments.of(
            "PKCS#1 on one line with spaces",
            Pems.oneLine(Pems.traditional(RSA.getPrivate())),
            null),
        Arguments.of(
            "encrypted PKCS#8 on one line",
            Pems.oneLine(Pems.encrypted(RSA.getPrivate(), "pw")),
            "pw"),
        Arguments.of(
            "encrypted EC PKCS#8 with Windows line ends",
            Pems.encrypted(EC_256.getPrivate(), "pw").replace("\n", "\r\n"),
            "pw"),
        Arguments.of("EC on one line", Pems.oneLine(Pems.traditional(EC_256.getPrivate())), null),
        Arguments.of("Windows line ends", pkcs8.replace("\n", "\r\n"), null),
        Arguments.of("surrounded by whitespace", "\n\t  " + pkcs8 + "  \n\n", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyForms")
  @DisplayName("reads the private key in every common PEM form")
  void keyForms(String form, String pem, String password) {
    trust(RSA);
    trust(EC_256);
    Map<String, Object> auth = bearer(pem);
    if (password != null) {
      auth.put("keyPassword", password);
    }

    ApiResponse response = call(fixture.build(auth));

    assertThat(response.status()).as(form + ": " + response.bodyText()).isEqualTo(200);
    assertThat(fixture.sandbox.oauth().tokenRequests(GRANT)).isEqualTo(1);
  }

  @Nested
  @DisplayName("the assertion")
  class Claims {

    @Test
    @DisplayName(
        "holds iss, aud = the token endpoint, scope, iat, exp an hour on, jti, sub and kid")
    void claims() throws Exception {
      trust(RSA);

      ApiResponse response =
          call(
              fixture.build(
                  bearer(
                      Pems.pkcs8(RSA.getPrivate()), "sub", "alice@example.com", "kid", "key-7")));

      assertThat(response.status()).isEqualTo(200);
      RecordedRequest request = fixture.tokenRequests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(form(request)).containsOnlyKeys("grant_type", "assertion");
      assertThat(form(request)).containsEntry("grant_type", GRANT);
      SignedJWT assertion = jwt(request, "assertion");
      assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-7");
      JWTClaimsSet claims = assertion.getJWTClaimsSet();
      assertThat(claims.getIssuer()).isEqualTo(ISSUER);
      assertThat(claims.getSubject()).isEqualTo("alice@example.com");
      assertThat(claims.getAudience()).containsExactly(fixture.tokenUrl());
      assertThat(claims.getStringClaim("scope")).isEqualTo("read write");
      assertThat(claims.getIssueTime().toInstant()).isEqualTo(fixture.clock.instant());
      assertThat(
              Duration.between(
                  claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
          .isEqualTo(Duration.ofHours(1));
      assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    @DisplayName("leaves out sub, kid and scope when none is configured; takes a list of scopes")
    void optionalClaims() throws Exception {
      trust(RSA);
      Map<String, Object> auth = bearer(Pems.pkcs8(RSA.getPrivate()));
      auth.remove("scope");
      call(fixture.build(auth));
      SignedJWT bare = lastAssertion();
      assertThat(bare.getHeader().getKeyID()).isNull();
      assertThat(bare.getJWTClaimsSet().getSubject()).isNull();
      assertThat(bare.getJWTClaimsSet().getClaim("scope")).isNull();

      call(fixture.build(bearer(Pems.pkcs8(RSA.getPrivate()), "scope", List.of("a", "b c"))));
      assertThat(lastAssertion().getJWTClaimsSet().getStringClaim("scope")).isEqualTo("a b c");
    }

    @Test
    @DisplayName("is signed anew for each token request: a new jti, iat and exp each time")
    void freshPerRequest() throws Exception {
      trust(RSA);
      Keyway keyway = fixture.build(bearer(Pems.pkcs8(RSA.getPrivate())));

      assertThat(call(keyway).status()).isEqualTo(200);
      fixture.clock.advance(Duration.ofMinutes(61));
      assertThat(call(keyway).status()).isEqualTo(200);

      List<RecordedRequest> requests = fixture.tokenRequests();
      assertThat(requests).hasSize(2);
      JWTClaimsSet first = jwt(requests.get(0), "assertion").getJWTClaimsSet();
      JWTClaimsSet second = jwt(requests.get(1), "assertion").getJWTClaimsSet();
      assertThat(second.getJWTID()).isNotEqualTo(first.getJWTID());
      assertThat(
              Duration.between(first.getIssueTime().toInstant(), second.getIssueTime().toInstant()))
          .isEqualTo(Duration.ofMinutes(61));
      for (JWTClaimsSet claims : List.of(first, second)) {
        assertThat(
                Duration.between(
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
            .isLessThanOrEqualTo(Duration.ofHours(1));
      }
    }

    @Test
    @DisplayName("lives the configured lifetime")
    void lifetime() throws Exception {
      trust(RSA);

      call(fixture.build(bearer(Pems.pkcs8(RSA.getPrivate()), "lifetime", "15m")));

      JWTClaimsSet claims = lastAssertion().getJWTClaimsSet();
      assertThat(
              Duration.between(
                  claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
          .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("names the configured aud instead of the token endpoint")
    void audience() throws Exception {
      trust(RSA);
      Keyway keyway =
          fixture.build(bearer(Pems.pkcs8(RSA.getPrivate()), "aud", "https://other.example"));

      TokenRequestException refused = refusal(keyway);

      assertThat(lastAssertion().getJWTClaimsSet().getAudience())
          .containsExactly("https://other.example");
      // The sandbox wants its own URL as the audience, as RFC 7523 §3 says a server may.
      assertThat(refused.error()).isEqualTo("invalid_grant");
    }
  }

  @Test
  @DisplayName("caches the token: two calls make one token request, and a new one after expiry")
  void cachesToken() {
    trust(RSA);
    Keyway keyway = fixture.build(bearer(Pems.pkcs8(RSA.getPrivate())));

    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(call(keyway).status()).isEqualTo(200);

    assertThat(fixture.sandbox.oauth().tokenRequests()).isEqualTo(1);
    assertThat(fixture.apiCalls()).isEqualTo(2);
    String token = fixture.sandbox.oauth().issuedAccessTokens().get(0);
    assertThat(fixture.sandbox.lastRequest().header("Authorization")).contains("Bearer " + token);

    fixture.clock.advance(Duration.ofHours(1));
    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(fixture.sandbox.oauth().tokenRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName("an assertion signed with a key the server does not trust gets invalid_grant")
  void untrustedKey() {
    trust(EC_256);
    Keyway keyway = fixture.build(bearer(Pems.pkcs8(RSA.getPrivate())));

    Throwable failure = failure(keyway);

    assertThat(failure).hasMessageContaining("collection api");
    assertThat(refusal(keyway).error()).isEqualTo("invalid_grant");
    assertThat(fixture.apiCalls()).isZero();
  }

  @Test
  @DisplayName("a tampered assertion is refused by the server")
  void tampered() throws Exception {
    trust(RSA);
    call(fixture.build(bearer(Pems.pkcs8(RSA.getPrivate()))));
    String signed = form(fixture.tokenRequests().get(0)).get("assertion");
    String[] parts = signed.split("\\.");
    JWTClaimsSet claims = SignedJWT.parse(signed).getJWTClaimsSet();
    Map<String, Object> changed = new LinkedHashMap<>(claims.toJSONObject());
    changed.put("sub", "admin@example.com");
    changed.put("jti", "another-jti");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(JSONObjectUtils.toJSONString(changed).getBytes(StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + payload + "." + parts[2];

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(fixture.sandbox.oauth().tokenUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=" + GRANT + "&assertion=" + tampered))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_grant");
  }

  @Nested
  @DisplayName("authenticates the client too when configured")
  class ClientAuthentication {

    @Test
    @DisplayName("with private_key_jwt, signing the client assertion with the same key")
    void privateKeyJwt() throws Exception {
      trust(RSA);
      fixture.sandbox.oauth().trustClientKey(BearerKeyway.CLIENT_ID, RSA.getPublic());

      ApiResponse response =
          call(
              fixture.build(
                  bearer(
                      Pems.pkcs8(RSA.getPrivate()),
                      "clientId",
                      BearerKeyway.CLIENT_ID,
                      "clientAuth",
                      "private_key_jwt")));

      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      RecordedRequest request = fixture.tokenRequests().get(0);
      assertThat(form(request))
          .containsEntry("grant_type", GRANT)
          .containsEntry(
              "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
          .doesNotContainKey("client_secret");
      JWTClaimsSet client = jwt(request, "client_assertion").getJWTClaimsSet();
      assertThat(client.getIssuer()).isEqualTo(BearerKeyway.CLIENT_ID);
      assertThat(client.getSubject()).isEqualTo(BearerKeyway.CLIENT_ID);
      assertThat(client.getAudience()).containsExactly(fixture.tokenUrl());
      assertThat(client.getJWTID())
          .isNotEqualTo(jwt(request, "assertion").getJWTClaimsSet().getJWTID());
      assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    @DisplayName("with client_secret_basic, encoding the secret as RFC 6749 §2.3.1 says")
    void clientSecretBasic() {
      trust(RSA);

      ApiResponse response =
          call(
              fixture.build(
                  bearer(
                      Pems.pkcs8(RSA.getPrivate()),
                      "clientId",
                      BearerKeyway.CLIENT_ID,
                      "clientSecret",
                      BearerKeyway.CLIENT_SECRET)));

      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      assertThat(fixture.tokenRequests().get(0).header("Authorization"))
          .get()
          .asString()
          .startsWith("Basic ");
    }
  }

  @Test
  @DisplayName("no key, assertion or token appears in toString, an exception or the logs")
  void keepsSecrets() {
    trust(RSA);
    String pem = Pems.traditional(RSA.getPrivate());
    String logs;
    Throwable refused;
    Keyway keyway;
    try (LogCapture capture = LogCapture.start()) {
      keyway = fixture.build(bearer(pem));
      assertThat(call(keyway).status()).isEqualTo(200);
      refused = failure(fixture.build(bearer(Pems.pkcs8(EC_384.getPrivate()))));
      logs = capture.text();
    }
    List<String> secrets = new ArrayList<>(pemLines(pem));
    secrets.addAll(pemLines(Pems.pkcs8(EC_384.getPrivate())));
    for (RecordedRequest request : fixture.tokenRequests()) {
      secrets.add(form(request).get("assertion"));
    }
    secrets.addAll(fixture.sandbox.oauth().issuedAccessTokens());
    assertThat(secrets).hasSizeGreaterThan(4);
    String everything =
        String.join(
            "\n",
            logs,
            BearerKeyway.text(refused),
            keyway.toString(),
            String.valueOf(keyway.authMethod("api")),
            keyway.config().toString(),
            new JwtBearerProvider().toString());
    for (String secret : secrets) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  static List<String> pemLines(String pem) {
    return Stream.of(pem.split("\\R"))
        .filter(line -> !line.startsWith("-----") && line.length() >= 16)
        .toList();
  }

  @Nested
  @DisplayName("refuses at load, naming the path")
  class Refusals {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "HS256", "hs512"})
    @DisplayName("none and the HMAC algorithms")
    void refusedAlgorithms(String algorithm) {
      assertThat(fixture.problems(bearer(Pems.pkcs8(RSA.getPrivate()), "algorithm", algorithm)))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.algorithm: ")
          .contains("is never used");
    }

    @Test
    @DisplayName("an algorithm that does not fit the key")
    void mismatchedAlgorithm() {
      assertThat(fixture.problems(bearer(Pems.pkcs8(RSA.getPrivate()), "algorithm", "ES256")))
          .containsExactly(
              "collections.api.auth.algorithm: does not fit an RSA key; expected RS256, RS384,"
                  + " RS512, PS256, PS384 or PS512");
      assertThat(fixture.problems(bearer(Pems.pkcs8(EC_256.getPrivate()), "algorithm", "RS256")))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.algorithm: does not fit this EC key");
    }

    @Test
    @DisplayName("a lifetime over an hour, or under a minute")
    void lifetime() {
      assertThat(fixture.problems(bearer(Pems.pkcs8(RSA.getPrivate()), "lifetime", "61m")))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.lifetime: at most 1h");
      assertThat(fixture.problems(bearer(Pems.pkcs8(RSA.getPrivate()), "lifetime", "2h")))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.lifetime: at most 1h");
      assertThat(fixture.problems(bearer(Pems.pkcs8(RSA.getPrivate()), "lifetime", "10s")))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.lifetime: at least 1m");
    }

    @Test
    @DisplayName("text that is not a PEM private key, saying what was expected")
    void notPem() {
      assertThat(fixture.problems(bearer("my-secret-key-text")))
          .singleElement()
          .asString()
          .startsWith(
              "collections.api.auth.privateKey: not a PEM private key (expected BEGIN PRIVATE KEY")
          .contains("BEGIN RSA PRIVATE KEY")
          .doesNotContain("my-secret-key-text");
    }

    @Test
    @DisplayName("a truncated key, a certificate, and an encrypted key without its password")
    void badKeys() {
      String pem = Pems.pkcs8(RSA.getPrivate());
      assertThat(fixture.problems(bearer(pem.substring(0, pem.length() / 2))))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.privateKey: the BEGIN PRIVATE KEY block has no END");
      assertThat(fixture.problems(bearer(fixture.sandbox.tls().clientCertificatePem("robot"))))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.privateKey: holds a certificate");
      assertThat(fixture.problems(bearer(Pems.encrypted(RSA.getPrivate(), "pw"))))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.privateKey: the key is encrypted")
          .contains("set keyPassword");
      assertThat(
              fixture.problems(
                  bearer(Pems.encrypted(RSA.getPrivate(), "pw"), "keyPassword", "wrong")))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.keyPassword: does not decrypt the key");
    }

    @Test
    @DisplayName("an auth block without iss, privateKey and tokenEndpoint")
    void missing() {
      assertThat(fixture.problems(auth("jwt-bearer")))
          .containsExactlyInAnyOrder(
              "collections.api.auth.privateKey: required (or give serviceAccountJson)",
              "collections.api.auth.iss: required (or give serviceAccountJson)",
              "collections.api.auth.tokenEndpoint: required");
    }

    @Test
    @DisplayName("a bad key with clientAuth private_key_jwt is reported once")
    void reportedOnce() {
      assertThat(
              fixture.problems(
                  bearer(
                      "not a key",
                      "clientId",
                      BearerKeyway.CLIENT_ID,
                      "clientAuth",
                      "private_key_jwt")))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.privateKey: not a PEM private key");
    }
  }
}
