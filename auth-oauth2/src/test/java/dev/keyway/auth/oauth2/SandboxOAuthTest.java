package dev.keyway.auth.oauth2;

import static dev.keyway.auth.oauth2.OAuthKeyway.auth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.RecordedRequest;
import dev.keyway.testkit.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The three methods against the testkit sandbox's authorization server, which checks client
 * authentication, grants and tokens the way RFC 6749 and RFC 6750 say, on a {@link FakeClock}.
 */
@DisplayName("the OAuth2 methods against the sandbox's authorization server")
class SandboxOAuthTest {

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox =
      Sandbox.builder().clock(clock).oauthClient("keyway", TokenServer.TRICKY_SECRET).start();
  private final List<Keyway> built = new ArrayList<>();

  @AfterEach
  void close() {
    built.forEach(Keyway::close);
    sandbox.close();
  }

  private Keyway build(Map<String, Object> auth) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", sandbox.baseUrl().toString());
    collection.put("auth", auth);
    collection.put("calls", Map.of("get", Map.of("method", "GET", "path", "/oauth/api/things")));
    Keyway keyway =
        Keyway.builder()
            .configTree(Map.of("environment", "dev", "collections", Map.of("api", collection)))
            .clock(clock)
            .build();
    built.add(keyway);
    return keyway;
  }

  private static ApiResponse call(Keyway keyway) {
    return keyway.call("api", "get", Map.of()).toCompletableFuture().join();
  }

  private List<RecordedRequest> tokenRequests() {
    return sandbox.requests().stream()
        .filter(request -> request.rawPath().equals("/oauth/token"))
        .toList();
  }

  private Map<String, Object> clientCredentials(String clientAuth) {
    return auth(
        "oauth2-client-credentials",
        "tokenEndpoint",
        sandbox.oauth().tokenUrl().toString(),
        "clientId",
        "keyway",
        "clientSecret",
        TokenServer.TRICKY_SECRET,
        "clientAuth",
        clientAuth);
  }

  @Test
  @DisplayName("client_secret_basic with a secret holding ':', '+', '%', a space and non-ASCII")
  void trickySecretBasic() {
    ApiResponse response = call(build(clientCredentials("client_secret_basic")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).contains("\"client\":\"keyway\"");
    assertThat(sandbox.oauth().tokenRequests("client_credentials")).isEqualTo(1);
    assertThat(tokenRequests().get(0).header("Authorization"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
  }

  @Test
  @DisplayName("client_secret_post with the same secret")
  void trickySecretPost() {
    ApiResponse response = call(build(clientCredentials("client_secret_post")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(tokenRequests().get(0).header("Authorization")).isEmpty();
    assertThat(tokenRequests().get(0).bodyText()).contains("client_id=keyway");
  }

  @Test
  @DisplayName("password grant: renewed with the rotating refresh token at expiry, never reused")
  void passwordRefresh() {
    sandbox.oauth().tokenLifetime(Duration.ofMinutes(10));
    Keyway keyway =
        build(
            auth(
                "oauth2-password",
                "tokenEndpoint",
                sandbox.oauth().tokenUrl().toString(),
                "username",
                sandbox.oauth().username(),
                "password",
                sandbox.oauth().password(),
                "clientId",
                "keyway",
                "clientSecret",
                TokenServer.TRICKY_SECRET));

    for (int round = 0; round < 3; round++) {
      assertThat(call(keyway).status()).isEqualTo(200);
      assertThat(call(keyway).status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(10));
    }

    assertThat(sandbox.oauth().tokenRequests("password")).isEqualTo(1);
    assertThat(sandbox.oauth().tokenRequests("refresh_token")).isEqualTo(2);
    assertThat(sandbox.oauth().refreshes()).isEqualTo(2);
    assertThat(sandbox.oauth().invalidGrants()).isZero();
    assertThat(sandbox.oauth().reuseDetections()).isZero();
  }

  @Test
  @DisplayName("password grant as a public client: client_id alone, with clientAuth none")
  void publicClient() {
    Keyway keyway =
        build(
            auth(
                "oauth2-password",
                "tokenEndpoint",
                sandbox.oauth().tokenUrl().toString(),
                "username",
                sandbox.oauth().username(),
                "password",
                sandbox.oauth().password(),
                "clientId",
                sandbox.oauth().publicClientId()));

    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(tokenRequests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  @DisplayName("custom token: the sandbox's JSON login, its ttl honoured, a new login after it")
  void customLogin() {
    sandbox.oauth().tokenLifetime(Duration.ofMinutes(2));
    Keyway keyway =
        build(
            auth(
                "oauth2-custom-token",
                "tokenEndpoint",
                sandbox.oauth().loginUrl().toString(),
                "tokenHeaders",
                Map.of("X-Login-Key", "<key>"),
                "body",
                "{\"user\": \"<user>\", \"pass\": \"<pass>\"}",
                "values",
                Map.of(
                    "key", sandbox.oauth().loginKey(),
                    "user", sandbox.oauth().loginUser(),
                    "pass", sandbox.oauth().loginPassword()),
                "tokenPath",
                "data.token",
                "expiresInPath",
                "data.ttl"));

    assertThat(call(keyway).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(59));
    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(sandbox.oauth().tokenRequests()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(61));
    assertThat(call(keyway).status()).isEqualTo(200);

    assertThat(sandbox.oauth().tokenRequests()).isEqualTo(2);
  }
}
