package dev.keyway.auth.jwt;

import static dev.keyway.auth.jwt.BearerKeyway.auth;
import static dev.keyway.auth.jwt.BearerKeyway.call;
import static dev.keyway.auth.jwt.BearerKeyway.form;
import static dev.keyway.auth.jwt.BearerKeyway.jwt;
import static dev.keyway.auth.jwt.BearerKeyway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.api.ConfigProblems;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientAuthenticationProvider;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.testkit.RecordedRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * private_key_jwt client authentication through oauth2-client-credentials, which knows nothing of
 * JWTs: core finds the client authentication with ServiceLoader.
 */
@DisplayName("private_key_jwt with oauth2-client-credentials")
class PrivateKeyJwtTest {

  private static final String CLIENT = BearerKeyway.CLIENT_ID;
  private static final KeyPair RSA = Pems.rsa(2048);
  private static final KeyPair EC = Pems.ec("secp256r1");

  private final BearerKeyway fixture = new BearerKeyway();

  @AfterEach
  void close() {
    fixture.close();
  }

  private Map<String, Object> clientCredentials(String privateKey, Object... more) {
    Map<String, Object> auth =
        auth(
            "oauth2-client-credentials",
            "tokenEndpoint",
            fixture.tokenUrl(),
            "clientId",
            CLIENT,
            "clientAuth",
            "private_key_jwt",
            "privateKey",
            privateKey,
            "scope",
            "read");
    for (int i = 0; i < more.length; i += 2) {
      auth.put((String) more[i], more[i + 1]);
    }
    return auth;
  }

  @Test
  @DisplayName("sends a client assertion with iss = sub = client id, aud = the endpoint, 60 s life")
  void clientAssertion() throws Exception {
    fixture.sandbox.oauth().trustClientKey(CLIENT, RSA.getPublic());

    ApiResponse response = call(fixture.build(clientCredentials(Pems.pkcs8(RSA.getPrivate()))));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    RecordedRequest request = fixture.tokenRequests().get(0);
    assertThat(form(request))
        .containsEntry("grant_type", "client_credentials")
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .containsKey("client_assertion")
        .doesNotContainKey("client_secret");
    assertThat(request.header("Authorization")).isEmpty();
    SignedJWT assertion = jwt(request, "client_assertion");
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(CLIENT);
    assertThat(claims.getSubject()).isEqualTo(CLIENT);
    assertThat(claims.getAudience()).containsExactly(fixture.tokenUrl());
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(fixture.clock.instant());
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  @DisplayName("signs a new assertion, with a new jti, for every token request")
  void freshAssertion() throws Exception {
    fixture.sandbox.oauth().trustClientKey(CLIENT, RSA.getPublic());
    Keyway keyway = fixture.build(clientCredentials(Pems.pkcs8(RSA.getPrivate())));

    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(fixture.sandbox.oauth().tokenRequests()).isEqualTo(1);
    fixture.clock.advance(Duration.ofHours(2));
    assertThat(call(keyway).status()).isEqualTo(200);

    List<RecordedRequest> requests = fixture.tokenRequests();
    assertThat(requests).hasSize(2);
    assertThat(jwt(requests.get(1), "client_assertion").getJWTClaimsSet().getJWTID())
        .isNotEqualTo(jwt(requests.get(0), "client_assertion").getJWTClaimsSet().getJWTID());
  }

  @Test
  @DisplayName("an EC key signs ES256 and its kid goes in the header")
  void ecKeyWithKid() throws Exception {
    fixture.sandbox.oauth().trustClientKey(CLIENT, EC.getPublic());

    ApiResponse response =
        call(fixture.build(clientCredentials(Pems.traditional(EC.getPrivate()), "kid", "ec-1")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    SignedJWT assertion = jwt(fixture.tokenRequests().get(0), "client_assertion");
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("ec-1");
  }

  @Test
  @DisplayName("an encrypted key is read with keyPassword")
  void encryptedKey() {
    fixture.sandbox.oauth().trustClientKey(CLIENT, RSA.getPublic());

    ApiResponse response =
        call(
            fixture.build(
                clientCredentials(
                    Pems.oneLine(Pems.encrypted(RSA.getPrivate(), "open sesame")),
                    "keyPassword",
                    "open sesame")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
  }

  @Test
  @DisplayName("a key the server does not trust for the client gets invalid_client")
  void untrusted() {
    fixture.sandbox.oauth().trustClientKey(CLIENT, EC.getPublic());

    TokenRequestException refused =
        refusal(fixture.build(clientCredentials(Pems.pkcs8(RSA.getPrivate()))));

    assertThat(refused.error()).isEqualTo("invalid_client");
    assertThat(fixture.apiCalls()).isZero();
  }

  @Test
  @DisplayName("refuses at load: no key, a bad key, HS256 or none")
  void refusals() {
    Map<String, Object> noKey = clientCredentials("x");
    noKey.remove("privateKey");
    assertThat(fixture.problems(noKey))
        .containsExactly(
            "collections.api.auth.privateKey: required for clientAuth private_key_jwt");
    assertThat(fixture.problems(clientCredentials("-----BEGIN PRIVATE KEY----- abc")))
        .singleElement()
        .asString()
        .startsWith("collections.api.auth.privateKey: the BEGIN PRIVATE KEY block has no END");
    for (String algorithm : List.of("HS256", "none")) {
      assertThat(
              fixture.problems(
                  clientCredentials(Pems.pkcs8(RSA.getPrivate()), "algorithm", algorithm)))
          .singleElement()
          .asString()
          .startsWith("collections.api.auth.algorithm: ")
          .contains("is never used");
    }
  }

  @Test
  @DisplayName("is registered for ServiceLoader as private_key_jwt, built for this API version")
  void discoverable() {
    List<ClientAuthenticationProvider> found = new ArrayList<>();
    ServiceLoader.load(ClientAuthenticationProvider.class).forEach(found::add);

    assertThat(found)
        .filteredOn(provider -> provider instanceof PrivateKeyJwtProvider)
        .singleElement()
        .satisfies(
            provider -> {
              assertThat(provider.method()).isEqualTo("private_key_jwt");
              assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION);
            });
  }

  @Test
  @DisplayName("the client authentication's toString names the method and algorithm only")
  void toStringKeepsKey() {
    ConfigProblems problems = new ConfigProblems();
    SigningKey key = SigningKey.choose(RSA.getPrivate(), Optional.empty(), "k", "a", problems);
    PrivateKeyJwt authentication =
        new PrivateKeyJwt(
            "api",
            CLIENT,
            fixture.tokenUrl(),
            new AssertionSigner(key, Optional.of("kid-1")),
            fixture.clock);

    assertThat(problems.isEmpty()).isTrue();
    assertThat(authentication.toString()).isEqualTo("ClientAuthentication[private_key_jwt, RS256]");
    assertThat(new PrivateKeyJwtProvider().toString())
        .isEqualTo("PrivateKeyJwtProvider[private_key_jwt]");
  }
}
