package dev.keyway.testkit;

import static dev.keyway.testkit.OAuthCalls.error;
import static dev.keyway.testkit.OAuthCalls.fields;
import static dev.keyway.testkit.OAuthCalls.json;
import static dev.keyway.testkit.OAuthCalls.sign;
import static dev.keyway.testkit.OAuthCalls.token;
import static dev.keyway.testkit.OAuthCalls.tokenAsClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's token endpoint grants")
class OAuthGrantsTest {

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private JWTClaimsSet.Builder grantAssertion(String issuer) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("alice")
        .audience(oauth.tokenUrl().toString())
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString());
  }

  private HttpResponse<String> jwtBearer(String assertion) {
    return token(
        sandbox, null, fields("grant_type", TokenGrants.JWT_BEARER, "assertion", assertion));
  }

  @Test
  @DisplayName("client_credentials: 200 with a Bearer token, expires_in, no-store, no refresh")
  void clientCredentials() {
    HttpResponse<String> response = tokenAsClient(sandbox, "grant_type", "client_credentials");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("Pragma")).contains("no-cache");
    JsonNode body = json(response);
    assertThat(body.get("access_token").asText()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.has("scope")).isFalse();
    assertThat(OAuthCalls.api(sandbox, "/things", body.get("access_token").asText()).body())
        .isEqualTo("{\"ok\":true,\"realm\":\"oauth\",\"client\":\"" + oauth.clientId() + "\"}");
  }

  @Test
  @DisplayName("client_credentials: echoes the requested scope; a knob adds a refresh token")
  void clientCredentialsScopeAndRefresh() {
    oauth.refreshTokensForClientCredentials(true);

    JsonNode body =
        json(tokenAsClient(sandbox, "grant_type", "client_credentials", "scope", "read  write"));

    assertThat(body.get("scope").asText()).isEqualTo("read write");
    assertThat(body.get("refresh_token").asText()).isNotEmpty();
    assertThat(OAuthCalls.refresh(sandbox, body.get("refresh_token").asText()).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("password: 200 with a refresh token for the user; a wrong password is invalid_grant")
  void password() {
    JsonNode body = OAuthCalls.passwordGrant(sandbox);
    HttpResponse<String> wrong =
        tokenAsClient(
            sandbox,
            "grant_type",
            "password",
            "username",
            oauth.username(),
            "password",
            oauth.password() + "x");

    assertThat(body.get("refresh_token").asText()).isNotEmpty();
    assertThat(OAuthCalls.api(sandbox, "", body.get("access_token").asText()).body())
        .contains("\"client\":\"" + oauth.username() + "\"");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(error(wrong)).isEqualTo("invalid_grant");
    assertThat(wrong.body()).doesNotContain(oauth.password());
    assertThat(oauth.invalidGrants()).isEqualTo(1);
  }

  @Test
  @DisplayName("chosen user credentials are the ones the password grant accepts")
  void chosenUser() {
    try (Sandbox chosen = Sandbox.builder().oauthUser("bob", "p@ss word+").start()) {
      OAuthServer chosenOAuth = chosen.oauth();
      HttpResponse<String> response =
          OAuthCalls.token(
              chosen,
              OAuthCalls.basic(chosenOAuth.clientId(), chosenOAuth.clientSecret()),
              fields("grant_type", "password", "username", "bob", "password", "p@ss word+"));

      assertThat(chosenOAuth.username()).isEqualTo("bob");
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("an unknown grant gets unsupported_grant_type; a missing one invalid_request")
  void unsupportedGrant() {
    HttpResponse<String> unknown = tokenAsClient(sandbox, "grant_type", "authorization_code");
    HttpResponse<String> missing = tokenAsClient(sandbox, "scope", "read");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(error(unknown)).isEqualTo("unsupported_grant_type");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(error(missing)).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("a repeated parameter, a JSON body or a GET is refused")
  void malformedRequests() {
    HttpResponse<String> twice =
        LoopbackClient.send(
            OAuthCalls.tokenRequest(
                oauth.tokenUrl(),
                OAuthCalls.basic(oauth.clientId(), oauth.clientSecret()),
                "grant_type=client_credentials&grant_type=password"));
    HttpResponse<String> jsonBody =
        LoopbackClient.send(
            HttpRequest.newBuilder(oauth.tokenUrl())
                .header("Content-Type", "application/json")
                .header("Authorization", OAuthCalls.basic(oauth.clientId(), oauth.clientSecret()))
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                .build());
    HttpResponse<String> get = LoopbackClient.get(sandbox, "/oauth/token");

    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(error(twice)).isEqualTo("invalid_request");
    assertThat(jsonBody.statusCode()).isEqualTo(400);
    assertThat(error(jsonBody)).isEqualTo("invalid_request");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
    assertThat(LoopbackClient.get(sandbox, "/oauth/token/more").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("jwt-bearer: accepts an assertion from a trusted issuer, for its sub and scope")
  void jwtBearer() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustAssertionKey("partner", keys.getPublic());

    HttpResponse<String> response =
        jwtBearer(sign(grantAssertion("partner").claim("scope", "read").build(), keys));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("scope").asText()).isEqualTo("read");
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(OAuthCalls.api(sandbox, "", body.get("access_token").asText()).body())
        .contains("\"client\":\"alice\"");
    assertThat(oauth.tokenRequests(TokenGrants.JWT_BEARER)).isEqualTo(1);
  }

  @Test
  @DisplayName("jwt-bearer: refuses a wrong aud, expiry, a lifetime over 1 h, an untrusted key")
  void jwtBearerRefusals() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustAssertionKey("partner", keys.getPublic());
    String wrongAudience =
        sign(grantAssertion("partner").audience(oauth.apiUrl().toString()).build(), keys);
    String expired =
        sign(
            grantAssertion("partner")
                .expirationTime(Date.from(clock.instant().minusSeconds(1)))
                .build(),
            keys);
    String tooLong =
        sign(
            grantAssertion("partner")
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(61))))
                .build(),
            keys);
    String noIssueTime = sign(grantAssertion("partner").issueTime(null).build(), keys);
    String untrusted = sign(grantAssertion("partner").build(), TestCa.ecKeyPair());
    String unknownIssuer = sign(grantAssertion("stranger").build(), keys);
    String noJti = sign(grantAssertion("partner").jwtID(null).build(), keys);

    for (String assertion :
        new String[] {
          wrongAudience, expired, tooLong, noIssueTime, untrusted, unknownIssuer, noJti, "garbage"
        }) {
      HttpResponse<String> response = jwtBearer(assertion);
      assertThat(response.statusCode()).as(assertion).isEqualTo(400);
      assertThat(error(response)).isEqualTo("invalid_grant");
    }
    assertThat(oauth.invalidGrants()).isEqualTo(8);
    assertThat(jwtBearer(sign(grantAssertion("partner").build(), keys)).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("jwt-bearer: refuses an assertion whose jti was used before")
  void jwtBearerReplay() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustAssertionKey("partner", keys.getPublic());
    String assertion = sign(grantAssertion("partner").build(), keys);

    assertThat(jwtBearer(assertion).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = jwtBearer(assertion);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(error(replay)).isEqualTo("invalid_grant");
  }

  @Test
  @DisplayName("jwt-bearer: a client that does authenticate must do so correctly")
  void jwtBearerWithClient() {
    KeyPair keys = TestCa.ecKeyPair();
    oauth.trustAssertionKey("partner", keys.getPublic());

    HttpResponse<String> withClient =
        tokenAsClient(
            sandbox,
            "grant_type",
            TokenGrants.JWT_BEARER,
            "assertion",
            sign(grantAssertion("partner").build(), keys));
    HttpResponse<String> badClient =
        token(
            sandbox,
            OAuthCalls.basic(oauth.clientId(), "wrong"),
            fields(
                "grant_type",
                TokenGrants.JWT_BEARER,
                "assertion",
                sign(grantAssertion("partner").build(), keys)));

    assertThat(withClient.statusCode()).isEqualTo(200);
    assertThat(badClient.statusCode()).isEqualTo(401);
    assertThat(error(badClient)).isEqualTo("invalid_client");
  }
}
