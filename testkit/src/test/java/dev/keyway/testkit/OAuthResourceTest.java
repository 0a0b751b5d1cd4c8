package dev.keyway.testkit;

import static dev.keyway.testkit.OAuthCalls.api;
import static dev.keyway.testkit.OAuthCalls.clientCredentialsToken;
import static dev.keyway.testkit.OAuthCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's OAuth2 protected resource")
class OAuthResourceTest {

  private static final String INVALID_TOKEN = "Bearer realm=\"sandbox\", error=\"invalid_token\"";

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  @DisplayName("answers 200 to any method with a live token, and records the request")
  void accepts() {
    String token = clientCredentialsToken(sandbox);

    HttpResponse<String> delete =
        LoopbackClient.send(
            HttpRequest.newBuilder(java.net.URI.create(oauth.apiUrl() + "/things/1"))
                .header("Authorization", "bearer " + token)
                .DELETE()
                .build());

    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(sandbox.lastRequest().method()).isEqualTo("DELETE");
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/oauth/api/things/1");
  }

  @Test
  @DisplayName("without a token: 401 with a Bearer challenge and no error code")
  void missing() {
    HttpResponse<String> response = LoopbackClient.get(sandbox, "/oauth/api/things");
    HttpResponse<String> basic =
        LoopbackClient.send(
            LoopbackClient.request(sandbox, "/oauth/api")
                .header("Authorization", OAuthCalls.basic("a", "b"))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"sandbox\"");
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(basic.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"sandbox\"");
  }

  @Test
  @DisplayName("an unknown token: 401 invalid_token")
  void unknown() {
    HttpResponse<String> response = api(sandbox, "", "not-issued-here");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains(INVALID_TOKEN);
  }

  @Test
  @DisplayName("a token expires by the sandbox clock after tokenLifetime")
  void expiry() {
    oauth.tokenLifetime(Duration.ofMinutes(10));
    JsonNode body = json(OAuthCalls.tokenAsClient(sandbox, "grant_type", "client_credentials"));
    String token = body.get("access_token").asText();

    assertThat(body.get("expires_in").asLong()).isEqualTo(600);
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(api(sandbox, "", token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> expired = api(sandbox, "", token);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.headers().firstValue("WWW-Authenticate")).contains(INVALID_TOKEN);
  }

  @Test
  @DisplayName("omitExpiresIn leaves expires_in out; the token still expires")
  void omitExpiresIn() {
    oauth.omitExpiresIn(true);
    JsonNode body = json(OAuthCalls.tokenAsClient(sandbox, "grant_type", "client_credentials"));

    assertThat(body.has("expires_in")).isFalse();
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    clock.advance(Duration.ofHours(1));
    assertThat(api(sandbox, "", body.get("access_token").asText()).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("jwtAccessTokens issues JWTs whose exp tells when they expire")
  void jwtAccessToken() throws Exception {
    oauth.jwtAccessTokens(true);
    oauth.tokenLifetime(Duration.ofMinutes(30));
    oauth.omitExpiresIn(true);
    Instant issued = clock.instant();

    String token = clientCredentialsToken(sandbox);

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(issued.plus(Duration.ofMinutes(30)));
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(issued);
    assertThat(claims.getSubject()).isEqualTo(oauth.clientId());
    assertThat(api(sandbox, "", token).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("revoke() ends one access token; revokeAll() ends every one")
  void revoke() {
    String first = clientCredentialsToken(sandbox);
    String second = clientCredentialsToken(sandbox);

    assertThat(oauth.revoke(first)).isTrue();
    assertThat(oauth.revoke("never-issued")).isFalse();
    assertThat(api(sandbox, "", first).headers().firstValue("WWW-Authenticate"))
        .contains(INVALID_TOKEN);
    assertThat(api(sandbox, "", second).statusCode()).isEqualTo(200);

    oauth.revokeAll();
    assertThat(api(sandbox, "", second).statusCode()).isEqualTo(401);
    assertThat(api(sandbox, "", clientCredentialsToken(sandbox)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("alwaysUnauthorized answers 401 invalid_token even to a live token")
  void alwaysUnauthorized() {
    String token = clientCredentialsToken(sandbox);
    oauth.alwaysUnauthorized(true);

    HttpResponse<String> response = api(sandbox, "", token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains(INVALID_TOKEN);
    oauth.alwaysUnauthorized(false);
    assertThat(api(sandbox, "", token).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("/oauth/api/scope-denied answers a live token 403 insufficient_scope")
  void insufficientScope() {
    String token = clientCredentialsToken(sandbox);

    HttpResponse<String> response = api(sandbox, "/scope-denied/things", token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer ")
        .contains("error=\"insufficient_scope\"");
    assertThat(api(sandbox, "/scope-denied", "bad").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("works on the HTTPS listener too, with assertions naming the https token URL")
  void overTls() throws Exception {
    TlsClient client = TlsClient.of(sandbox.tls().ca().certificate(), null);
    java.net.URI tokenUrl = java.net.URI.create(sandbox.tls().baseUrl() + "/oauth/token");
    java.security.KeyPair keys = TestCa.ecKeyPair();
    oauth.trustClientKey("tls-client", keys.getPublic());
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("tls-client")
            .subject("tls-client")
            .expirationTime(java.util.Date.from(clock.instant().plusSeconds(60)))
            .jwtID(java.util.UUID.randomUUID().toString());
    String body =
        "grant_type=client_credentials&client_assertion_type="
            + java.net.URLEncoder.encode(
                ClientAuthentication.ASSERTION_TYPE, java.nio.charset.StandardCharsets.UTF_8)
            + "&client_assertion=";

    HttpResponse<String> plainAudience =
        client.send(
            OAuthCalls.tokenRequest(
                tokenUrl,
                null,
                body
                    + OAuthCalls.sign(claims.audience(oauth.tokenUrl().toString()).build(), keys)));
    HttpResponse<String> httpsAudience =
        client.send(
            OAuthCalls.tokenRequest(
                tokenUrl,
                null,
                body + OAuthCalls.sign(claims.audience(tokenUrl.toString()).build(), keys)));

    assertThat(plainAudience.statusCode()).isEqualTo(401);
    assertThat(httpsAudience.statusCode()).isEqualTo(200);
    String token = json(httpsAudience).get("access_token").asText();
    HttpResponse<String> resource =
        client.send(
            HttpRequest.newBuilder(java.net.URI.create(sandbox.tls().baseUrl() + "/oauth/api/x"))
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(resource.statusCode()).isEqualTo(200);
    assertThat(api(sandbox, "", token).statusCode()).as("one server behind both").isEqualTo(200);
  }
}
