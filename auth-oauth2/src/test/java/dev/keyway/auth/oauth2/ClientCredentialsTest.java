package dev.keyway.auth.oauth2;

import static dev.keyway.auth.oauth2.OAuthKeyway.auth;
import static dev.keyway.auth.oauth2.OAuthKeyway.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.Keyway;
import dev.keyway.testkit.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("oauth2-client-credentials")
class ClientCredentialsTest {

  private final OAuthKeyway fixture = new OAuthKeyway();
  private final TokenServer tokens = fixture.tokens;

  @AfterEach
  void close() {
    fixture.close();
  }

  private Map<String, Object> valid(Object... more) {
    Map<String, Object> auth =
        auth(
            "oauth2-client-credentials",
            "tokenEndpoint",
            tokens.tokenUrl(),
            "clientId",
            tokens.clientId,
            "clientSecret",
            "${secret:client}");
    for (int i = 0; i < more.length; i += 2) {
      auth.put((String) more[i], more[i + 1]);
    }
    return auth;
  }

  @Test
  @DisplayName("sends the grant, scope, audience and extraParams with client_secret_basic")
  void grantFields() {
    fixture.secret("tenant", "tenant-\"secret\" & more");
    Keyway keyway =
        fixture.build(
            valid(
                "scope",
                "accounts:read payments:write",
                "audience",
                "https://api.example.com",
                "extraParams",
                Map.of("resource", "https://api.example.com/v2", "tenant", "${secret:tenant}")));

    assertThat(call(keyway).status()).isEqualTo(200);

    TokenServer.Received request = tokens.last();
    assertThat(request.fields())
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "accounts:read payments:write")
        .containsEntry("audience", "https://api.example.com")
        .containsEntry("resource", "https://api.example.com/v2")
        .containsEntry("tenant", "tenant-\"secret\" & more")
        .doesNotContainKeys("client_id", "client_secret", "username", "password");
    assertThat(request.header("Authorization"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
    assertThat(fixture.sandbox.lastRequest().header("Authorization"))
        .hasValue("Bearer " + tokens.accessToken());
  }

  @Test
  @DisplayName(
      "the tricky client secret (: + % space non-ASCII) is accepted with client_secret_basic")
  void trickySecretAccepted() {
    Keyway keyway = fixture.build(valid());

    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(tokens.requests()).hasSize(1);
  }

  @Test
  @DisplayName("several audiences are sent as several audience parameters")
  void audiences() {
    Keyway keyway =
        fixture.build(valid("audience", List.of("https://a.example", "https://b.example")));

    call(keyway);

    assertThat(TokenServer.all(tokens.last().body(), "audience"))
        .containsExactly("https://a.example", "https://b.example");
  }

  @Test
  @DisplayName("client_secret_post puts client_id and client_secret in the form")
  void clientSecretPost() {
    Keyway keyway = fixture.build(valid("clientAuth", "client_secret_post"));

    assertThat(call(keyway).status()).isEqualTo(200);

    assertThat(tokens.last().fields())
        .containsEntry("client_id", tokens.clientId)
        .containsEntry("client_secret", TokenServer.TRICKY_SECRET);
  }

  @Test
  @DisplayName("a token is cached until it expires, then one new grant is made")
  void cachedUntilExpiry() {
    tokens.lifetime(300);
    Keyway keyway = fixture.build(valid());

    for (int i = 0; i < 5; i++) {
      call(keyway);
    }
    assertThat(tokens.requests()).hasSize(1);
    fixture.clock.advance(Duration.ofMinutes(5));
    call(keyway);

    assertThat(tokens.requests()).hasSize(2);
    assertThat(tokens.last().fields()).containsEntry("grant_type", "client_credentials");
  }

  @Test
  @DisplayName("a refresh token, when the server issues one, is used at expiry")
  void refreshWhenIssued() {
    tokens.lifetime(300);
    tokens.refreshTokensForClientCredentials(true);
    Keyway keyway = fixture.build(valid("scope", "read"));
    call(keyway);
    String refresh = tokens.currentRefreshToken();

    fixture.clock.advance(Duration.ofMinutes(5));
    call(keyway);

    assertThat(tokens.last().fields())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", refresh)
        .containsEntry("scope", "read");
  }

  @Test
  @DisplayName("a wrong client secret fails with invalid_client; no secret in the error or logs")
  void wrongSecret() {
    fixture.secret("wrong", "wrong-client-secret");
    Keyway keyway = fixture.build(valid("clientSecret", "${secret:wrong}"));

    String logs;
    Throwable failure;
    try (LogCapture capture = LogCapture.start()) {
      failure = OAuthKeyway.failure(keyway);
      logs = capture.text();
    }

    assertThat(OAuthKeyway.text(failure))
        .contains("invalid_client")
        .doesNotContain("wrong-client-secret", TokenServer.TRICKY_SECRET);
    assertThat(logs).doesNotContain("wrong-client-secret");
    assertThat(fixture.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("config problems: missing tokenEndpoint and clientId, each at its path")
  void required() {
    assertThat(fixture.problems(auth("oauth2-client-credentials", "clientSecret", "x-secret")))
        .anySatisfy(p -> assertThat(p).isEqualTo("collections.api.auth.tokenEndpoint: required"))
        .anySatisfy(p -> assertThat(p).startsWith("collections.api.auth.clientId: required"))
        .allSatisfy(p -> assertThat(p).doesNotContain("x-secret"));
    assertThat(
            fixture.problems(auth("oauth2-client-credentials", "tokenEndpoint", tokens.tokenUrl())))
        .containsExactlyInAnyOrder(
            "collections.api.auth.clientId: required",
            "collections.api.auth.clientSecret: required (or set clientAuth to a method without a"
                + " secret, such as private_key_jwt)");
  }

  @Test
  @DisplayName("extraParams cannot set grant or client parameters, and must be a map")
  void reservedExtraParams() {
    assertThat(
            fixture.problems(
                valid("extraParams", Map.of("grant_type", "password", "client_secret", "x"))))
        .containsExactlyInAnyOrder(
            "collections.api.auth.extraParams.grant_type: set by Keyway from the grant and"
                + " clientAuth; it cannot be overridden",
            "collections.api.auth.extraParams.client_secret: set by Keyway from the grant and"
                + " clientAuth; it cannot be overridden");
    assertThat(fixture.problems(valid("extraParams", Map.of("scope", "all"))))
        .containsExactly(
            "collections.api.auth.extraParams.scope: set by Keyway; use the scope setting instead");
    assertThat(fixture.problems(valid("extraParams", "resource=x")))
        .singleElement()
        .asString()
        .startsWith("collections.api.auth.extraParams: expected a map");
  }

  @Test
  @DisplayName("dev and live values: the live client id and secret are sent in live")
  void liveValues() {
    fixture.secret("dev-client", "the-dev-secret");
    Map<String, Object> auth =
        valid(
            "clientId",
            Map.of("dev", "someone-else", "live", tokens.clientId),
            "clientSecret",
            Map.of("dev", "${secret:dev-client}", "live", "${secret:client}"));
    Keyway live = fixture.build(auth, "live");
    Keyway dev = fixture.build(auth, "dev");

    assertThat(call(live).status()).isEqualTo(200);
    assertThat(OAuthKeyway.text(OAuthKeyway.failure(dev)))
        .as("dev sends the dev client, which this server does not know")
        .contains("invalid_client")
        .doesNotContain("the-dev-secret");
    assertThat(tokens.requests()).hasSize(2);
  }
}
