package dev.keyway.auth.oauth2;

import static dev.keyway.auth.oauth2.OAuthKeyway.auth;
import static dev.keyway.auth.oauth2.OAuthKeyway.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.Keyway;
import dev.keyway.core.UpstreamException;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.testkit.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("oauth2-password")
class PasswordTest {

  private final OAuthKeyway fixture = new OAuthKeyway();
  private final TokenServer tokens = fixture.tokens;

  @AfterEach
  void close() {
    fixture.close();
  }

  private Map<String, Object> valid(Object... more) {
    Map<String, Object> auth =
        auth(
            "oauth2-password",
            "tokenEndpoint",
            tokens.tokenUrl(),
            "username",
            tokens.username,
            "password",
            "${secret:password}");
    for (int i = 0; i < more.length; i += 2) {
      auth.put((String) more[i], more[i + 1]);
    }
    return auth;
  }

  @Test
  @DisplayName("sends grant_type=password, username, password and scope, then calls the API")
  void grantFields() {
    Keyway keyway = fixture.build(valid("scope", List.of("read", "write")));

    assertThat(call(keyway).status()).isEqualTo(200);

    TokenServer.Received request = tokens.last();
    assertThat(request.path()).isEqualTo("/oauth/token");
    assertThat(request.header("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
    assertThat(request.fields())
        .containsEntry("grant_type", "password")
        .containsEntry("username", tokens.username)
        .containsEntry("password", tokens.password)
        .containsEntry("scope", "read write")
        .doesNotContainKeys("client_id", "client_secret");
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(fixture.sandbox.lastRequest().header("Authorization"))
        .hasValue("Bearer " + tokens.accessToken());
  }

  @Test
  @DisplayName(
      "authenticates the client with client_secret_basic, form-encoded per RFC 6749 §2.3.1")
  void clientSecretBasic() {
    Keyway keyway =
        fixture.build(valid("clientId", tokens.clientId, "clientSecret", "${secret:client}"));

    assertThat(call(keyway).status()).isEqualTo(200);

    String header = tokens.last().header("Authorization").orElseThrow();
    String pair =
        new String(
            Base64.getDecoder().decode(header.substring("Basic ".length())),
            StandardCharsets.UTF_8);
    assertThat(pair)
        .as("id and secret each form-encoded before they are joined with ':'")
        .isEqualTo("keyway-client:s3%3Acr%2Bt%2520+%C3%BCn%C3%AF%2F%3D%26%3F");
    assertThat(tokens.last().fields()).doesNotContainKeys("client_id", "client_secret");
  }

  @Test
  @DisplayName("authenticates the client with client_secret_post when clientAuth says so")
  void clientSecretPost() {
    Keyway keyway =
        fixture.build(
            valid(
                "clientId",
                tokens.clientId,
                "clientSecret",
                "${secret:client}",
                "clientAuth",
                "client_secret_post"));

    assertThat(call(keyway).status()).isEqualTo(200);

    assertThat(tokens.last().fields())
        .containsEntry("client_id", tokens.clientId)
        .containsEntry("client_secret", TokenServer.TRICKY_SECRET);
    assertThat(tokens.last().header("Authorization")).isEmpty();
  }

  @Test
  @DisplayName("refreshes with the refresh token at expiry instead of sending the password again")
  void refreshesWithRefreshToken() {
    tokens.lifetime(600);
    Keyway keyway = fixture.build(valid("scope", "read"));
    call(keyway);
    String firstRefresh = tokens.currentRefreshToken();

    call(keyway);
    assertThat(tokens.requests()).as("a cached token is reused").hasSize(1);

    fixture.clock.advance(Duration.ofMinutes(10));
    assertThat(call(keyway).status()).isEqualTo(200);

    assertThat(tokens.requests()).hasSize(2);
    assertThat(tokens.last().fields())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", firstRefresh)
        .containsEntry("scope", "read")
        .doesNotContainKeys("password", "username");
    assertThat(tokens.refreshes()).isEqualTo(1);
    String rotated = tokens.currentRefreshToken();

    fixture.clock.advance(Duration.ofMinutes(10));
    call(keyway);
    assertThat(rotated).isNotEqualTo(firstRefresh);
    assertThat(tokens.last().fields())
        .as("the rotated refresh token replaced the first one")
        .containsEntry("refresh_token", rotated);
    assertThat(tokens.refreshes()).isEqualTo(2);
  }

  @Test
  @DisplayName("a wrong password fails the call with invalid_grant, naming the collection only")
  void wrongPassword() {
    fixture.secret("wrong", "not-the-password-at-all");
    Keyway keyway =
        fixture.build(
            auth(
                "oauth2-password",
                "tokenEndpoint",
                tokens.tokenUrl(),
                "username",
                tokens.username,
                "password",
                "${secret:wrong}"));

    String logs;
    Throwable failure;
    try (LogCapture capture = LogCapture.start()) {
      failure = OAuthKeyway.failure(keyway);
      logs = capture.text();
    }

    assertThat(failure).isInstanceOf(UpstreamException.class);
    assertThat(((UpstreamException) failure).kind()).isEqualTo(UpstreamException.Kind.AUTH_FAILED);
    assertThat(failure).hasRootCauseInstanceOf(TokenRequestException.class);
    assertThat(OAuthKeyway.text(failure))
        .contains("api", "invalid_grant")
        .doesNotContain("not-the-password-at-all", tokens.password, tokens.username);
    assertThat(logs).doesNotContain("not-the-password-at-all");
    assertThat(fixture.sandbox.requestCount()).as("the API was never called").isZero();
  }

  @Test
  @DisplayName("no secret in toString of the provider, the method, Keyway or its config")
  void toStrings() {
    Keyway keyway =
        fixture.build(valid("clientId", tokens.clientId, "clientSecret", "${secret:client}"));
    call(keyway);

    assertThat(
            String.join(
                " ",
                keyway.toString(),
                keyway.config().toString(),
                keyway.authMethod("api").toString(),
                new PasswordProvider().toString()))
        .doesNotContain(tokens.password, TokenServer.TRICKY_SECRET, tokens.accessToken());
  }

  @Test
  @DisplayName("config problems name their paths: tokenEndpoint, username, password")
  void requiredSettings() {
    assertThat(fixture.problems(auth("oauth2-password")))
        .containsExactlyInAnyOrder(
            "collections.api.auth.tokenEndpoint: required",
            "collections.api.auth.username: required",
            "collections.api.auth.password: required");
  }

  @Test
  @DisplayName("a clientSecret without a clientId is a config problem at clientId")
  void secretWithoutClientId() {
    List<String> problems = fixture.problems(valid("clientSecret", "${secret:client}"));

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("collections.api.auth.clientId: required")
        .doesNotContain(TokenServer.TRICKY_SECRET);
  }

  @Test
  @DisplayName("a tokenEndpoint that is not an http(s) URL and an unknown clientAuth are refused")
  void badEndpointAndClientAuth() {
    List<String> problems =
        fixture.problems(
            valid("tokenEndpoint", "ftp://auth.example/token", "clientAuth", "telepathy"));

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("collections.api.auth.tokenEndpoint: "))
        .anySatisfy(p -> assertThat(p).startsWith("collections.api.auth.clientAuth: unknown"));
  }

  @Test
  @DisplayName("dev and live values: the active environment's password is sent")
  void environmentValues() {
    fixture.secret("live-password", "the-live-password");
    Keyway keyway =
        fixture.build(
            valid(
                "password",
                Map.of("dev", "${secret:password}", "live", "${secret:live-password}")));

    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(tokens.last().fields()).containsEntry("password", tokens.password);
  }
}
