package dev.keyway.testkit;

import static dev.keyway.testkit.OAuthCalls.basic;
import static dev.keyway.testkit.OAuthCalls.basicRaw;
import static dev.keyway.testkit.OAuthCalls.error;
import static dev.keyway.testkit.OAuthCalls.fields;
import static dev.keyway.testkit.OAuthCalls.json;
import static dev.keyway.testkit.OAuthCalls.sign;
import static dev.keyway.testkit.OAuthCalls.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's token endpoint authenticates clients")
class OAuthClientAuthenticationTest {

  /** A secret with every character §2.3.1's form-url-encoding changes. */
  private static final String TRICKY_SECRET = "se:cr+et% with spaces/ünï€😀=&";

  private static final String CLIENT_ID = "my client:ü";

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox =
      Sandbox.builder().clock(clock).oauthClient(CLIENT_ID, TRICKY_SECRET).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private HttpResponse<String> clientCredentials(String authorization, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = "grant_type";
    all[1] = "client_credentials";
    System.arraycopy(more, 0, all, 2, more.length);
    return token(sandbox, authorization, fields(all));
  }

  private JWTClaimsSet.Builder clientAssertion(String clientId) {
    return new JWTClaimsSet.Builder()
        .issuer(clientId)
        .subject(clientId)
        .audience(oauth.tokenUrl().toString())
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString());
  }

  private HttpResponse<String> withAssertion(String assertion) {
    return clientCredentials(
        null,
        "client_assertion_type",
        ClientAuthentication.ASSERTION_TYPE,
        "client_assertion",
        assertion);
  }

  @Test
  @DisplayName("client_secret_basic: decodes a secret with ':', '+', '%', spaces and non-ASCII")
  void basicWithTrickySecret() {
    HttpResponse<String> response = clientCredentials(basic(CLIENT_ID, TRICKY_SECRET));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("access_token").asText()).isNotEmpty();
    assertThat(OAuthCalls.api(sandbox, "/x", json(response).get("access_token").asText()).body())
        .contains("\"client\":\"" + CLIENT_ID + "\"");
  }

  @Test
  @DisplayName("client_secret_basic: refuses credentials sent without §2.3.1's url-encoding")
  void basicWithoutUrlEncoding() {
    HttpResponse<String> response = clientCredentials(basicRaw(CLIENT_ID + ":" + TRICKY_SECRET));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response)).isEqualTo("invalid_client");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"sandbox\"");
  }

  @Test
  @DisplayName("client_secret_basic: a wrong secret gets 401 invalid_client, never quoted")
  void basicWrongSecret() {
    String wrong = TRICKY_SECRET + "x";
    HttpResponse<String> response = clientCredentials(basic(CLIENT_ID, wrong));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response)).isEqualTo("invalid_client");
    assertThat(json(response).get("error_description").asText()).isNotEmpty();
    assertThat(response.body()).doesNotContain("se:cr", "x", "ünï").doesNotContain(CLIENT_ID);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  @DisplayName(
      "client_secret_basic: the scheme name is case-insensitive; another scheme is refused")
  void basicScheme() {
    String lower = "basic " + basic(CLIENT_ID, TRICKY_SECRET).substring("Basic ".length());

    assertThat(clientCredentials(lower).statusCode()).isEqualTo(200);
    assertThat(clientCredentials("Bearer some-token").statusCode()).isEqualTo(401);
    assertThat(clientCredentials("Basic not*base64").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("client_secret_post: accepts client_id and client_secret form fields")
  void post() {
    HttpResponse<String> good =
        clientCredentials(null, "client_id", CLIENT_ID, "client_secret", TRICKY_SECRET);
    HttpResponse<String> bad =
        clientCredentials(null, "client_id", CLIENT_ID, "client_secret", "wrong");

    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(error(bad)).isEqualTo("invalid_client");
  }

  @Test
  @DisplayName("two methods at once (Basic and client_secret) get 400 invalid_request")
  void twoMethods() {
    HttpResponse<String> response =
        clientCredentials(
            basic(CLIENT_ID, TRICKY_SECRET),
            "client_id",
            CLIENT_ID,
            "client_secret",
            TRICKY_SECRET);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response)).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("two methods at once (client_secret and client_assertion) get 400 invalid_request")
  void secretAndAssertion() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustClientKey(CLIENT_ID, keys.getPublic());
    HttpResponse<String> response =
        clientCredentials(
            null,
            "client_id",
            CLIENT_ID,
            "client_secret",
            TRICKY_SECRET,
            "client_assertion_type",
            ClientAuthentication.ASSERTION_TYPE,
            "client_assertion",
            sign(clientAssertion(CLIENT_ID).build(), keys));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response)).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("a request without client authentication gets 401 invalid_client")
  void noClient() {
    HttpResponse<String> response = clientCredentials(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response)).isEqualTo("invalid_client");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"sandbox\"");
  }

  @Test
  @DisplayName("none: the public client names itself; the confidential one cannot")
  void publicClient() {
    HttpResponse<String> publicPassword =
        token(
            sandbox,
            null,
            fields(
                "grant_type",
                "password",
                "client_id",
                oauth.publicClientId(),
                "username",
                oauth.username(),
                "password",
                oauth.password()));
    HttpResponse<String> confidentialWithoutSecret =
        token(
            sandbox,
            null,
            fields(
                "grant_type",
                "password",
                "client_id",
                CLIENT_ID,
                "username",
                oauth.username(),
                "password",
                oauth.password()));

    assertThat(publicPassword.statusCode()).isEqualTo(200);
    assertThat(json(publicPassword).has("refresh_token")).isTrue();
    assertThat(confidentialWithoutSecret.statusCode()).isEqualTo(401);
    assertThat(error(confidentialWithoutSecret)).isEqualTo("invalid_client");
  }

  @Test
  @DisplayName("none: the public client may not use client_credentials (unauthorized_client)")
  void publicClientCredentials() {
    HttpResponse<String> response = clientCredentials(null, "client_id", oauth.publicClientId());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response)).isEqualTo("unauthorized_client");
  }

  @Test
  @DisplayName("private_key_jwt: accepts an assertion signed by a key trusted for the client")
  void privateKeyJwt() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustClientKey("signing-client", keys.getPublic());

    HttpResponse<String> response =
        withAssertion(sign(clientAssertion("signing-client").build(), keys));

    assertThat(response.statusCode()).isEqualTo(200);
    String accessToken = json(response).get("access_token").asText();
    assertThat(OAuthCalls.api(sandbox, "", accessToken).body())
        .isEqualTo("{\"ok\":true,\"realm\":\"oauth\",\"client\":\"signing-client\"}");
  }

  @Test
  @DisplayName("private_key_jwt: refuses a wrong aud, an expired one, iss != sub, an untrusted key")
  void privateKeyJwtRefusals() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustClientKey("signing-client", keys.getPublic());

    String wrongAudience =
        sign(
            clientAssertion("signing-client").audience("https://elsewhere/oauth/token").build(),
            keys);
    String expired =
        sign(
            clientAssertion("signing-client").expirationTime(Date.from(clock.instant())).build(),
            keys);
    String otherSubject = sign(clientAssertion("signing-client").subject("someone").build(), keys);
    String untrusted = sign(clientAssertion("signing-client").build(), TestCa.ecKeyPair());
    String unknownClient = sign(clientAssertion("stranger").build(), keys);

    for (String assertion :
        new String[] {
          wrongAudience, expired, otherSubject, untrusted, unknownClient, "not.a.jwt"
        }) {
      HttpResponse<String> response = withAssertion(assertion);
      assertThat(response.statusCode()).as(assertion).isEqualTo(401);
      assertThat(error(response)).isEqualTo("invalid_client");
    }
    assertThat(withAssertion(sign(clientAssertion("signing-client").build(), keys)).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("private_key_jwt: refuses an assertion whose jti was used before")
  void privateKeyJwtReplay() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustClientKey("signing-client", keys.getPublic());
    String assertion = sign(clientAssertion("signing-client").build(), keys);

    assertThat(withAssertion(assertion).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = withAssertion(assertion);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(error(replay)).isEqualTo("invalid_client");
  }

  @Test
  @DisplayName("private_key_jwt: needs the jwt-bearer client_assertion_type")
  void privateKeyJwtType() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustClientKey("signing-client", keys.getPublic());
    HttpResponse<String> response =
        clientCredentials(
            null,
            "client_assertion_type",
            "urn:example:other",
            "client_assertion",
            sign(clientAssertion("signing-client").build(), keys));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response)).isEqualTo("invalid_request");
  }
}
