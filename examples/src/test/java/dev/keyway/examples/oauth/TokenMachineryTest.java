package dev.keyway.examples.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.UpstreamException;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.OAuthServer;
import dev.keyway.testkit.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The token machinery's promises (issue 4), each shown over real loopback HTTP against the
 * sandbox's authorization server, with time driven by a {@link FakeClock}: no test sleeps for an
 * expiry.
 */
@DisplayName("OAuth2 token machinery against the sandbox")
class TokenMachineryTest {

  private static final String TRICKY_SECRET = "s3:cr+et%20 ünïcødé/=&?";

  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private Sandbox sandbox(String clientSecret) {
    Sandbox sandbox =
        Sandbox.builder().clock(clock).oauthClient("keyway-app", clientSecret).start();
    open.add(sandbox);
    return sandbox;
  }

  private Keyway keyway(Sandbox sandbox, Map<String, Object> auth) {
    return keyway(sandbox, auth, Map.of());
  }

  private Keyway keyway(Sandbox sandbox, Map<String, Object> auth, Map<String, Object> extra) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", sandbox.baseUrl().toString());
    collection.put("auth", auth);
    collection.put("timeouts", Map.of("connect", "1s", "response", "2s"));
    collection.put("calls", Map.of("things", Map.of("method", "GET", "path", "/oauth/api/things")));
    collection.putAll(extra);
    Keyway keyway =
        Keyway.builder()
            .configTree(Map.of("collections", Map.of("api", collection)))
            .clock(clock)
            .build();
    open.add(keyway);
    return keyway;
  }

  private static Map<String, Object> clientCredentials(OAuthServer oauth) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", "oauth2-client-credentials");
    auth.put("tokenEndpoint", oauth.tokenUrl().toString());
    auth.put("clientId", oauth.clientId());
    auth.put("clientSecret", oauth.clientSecret());
    return auth;
  }

  private static Map<String, Object> password(OAuthServer oauth) {
    Map<String, Object> auth = clientCredentials(oauth);
    auth.put("type", "oauth2-password");
    auth.put("username", oauth.username());
    auth.put("password", oauth.password());
    return auth;
  }

  private static ApiResponse call(Keyway keyway) {
    return keyway.call("api", "things", Map.of()).toCompletableFuture().join();
  }

  private static List<ApiResponse> concurrently(Keyway keyway, int calls) {
    List<CompletableFuture<ApiResponse>> pending = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      pending.add(keyway.call("api", "things", Map.of()).toCompletableFuture());
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  @Test
  @DisplayName(
      "200 concurrent calls with no cached token cause exactly 1 token request; at expiry exactly 1 more")
  void singleFlight() {
    Sandbox sandbox = sandbox("secret-" + System.nanoTime());
    OAuthServer oauth = sandbox.oauth();
    oauth.tokenLifetime(Duration.ofMinutes(10));
    Keyway keyway = keyway(sandbox, clientCredentials(oauth));

    assertThat(concurrently(keyway, 200)).allMatch(response -> response.status() == 200);
    assertThat(oauth.tokenRequests()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(11));
    assertThat(concurrently(keyway, 200)).allMatch(response -> response.status() == 200);
    assertThat(oauth.tokenRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName("a token with expires_in 30 is not fetched again on every call")
  void shortLivedToken() {
    Sandbox sandbox = sandbox("secret-" + System.nanoTime());
    OAuthServer oauth = sandbox.oauth();
    oauth.tokenLifetime(Duration.ofSeconds(30));
    Keyway keyway = keyway(sandbox, clientCredentials(oauth));

    for (int second = 0; second < 14; second++) {
      assertThat(call(keyway).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(oauth.tokenRequests()).as("renewed at half its lifetime, not before").isEqualTo(1);
  }

  @Test
  @DisplayName("a token answer without expires_in is not fetched again on every call")
  void noExpiresIn() {
    Sandbox sandbox = sandbox("secret-" + System.nanoTime());
    OAuthServer oauth = sandbox.oauth();
    oauth.omitExpiresIn(true);
    oauth.tokenLifetime(Duration.ofHours(1));
    Keyway keyway =
        keyway(sandbox, clientCredentials(oauth), Map.of("defaultTokenLifetime", "10m"));

    for (int i = 0; i < 20; i++) {
      assertThat(call(keyway).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(20));
    }
    assertThat(oauth.tokenRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "rotating refresh tokens with reuse detection: 200 concurrent calls across an expiry, 1 refresh, 0 invalid_grant")
  void rotation() {
    Sandbox sandbox = sandbox("secret-" + System.nanoTime());
    OAuthServer oauth = sandbox.oauth();
    oauth.tokenLifetime(Duration.ofMinutes(5));
    oauth.rotateRefreshTokens(true);
    Keyway keyway = keyway(sandbox, password(oauth));
    assertThat(call(keyway).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(6));
    assertThat(concurrently(keyway, 200)).allMatch(response -> response.status() == 200);

    assertThat(oauth.refreshes()).isEqualTo(1);
    assertThat(oauth.invalidGrants()).isZero();
    assertThat(oauth.reuseDetections()).isZero();

    clock.advance(Duration.ofMinutes(6));
    assertThat(call(keyway).status()).as("the rotated refresh token was kept").isEqualTo(200);
    assertThat(oauth.refreshes()).isEqualTo(2);
    assertThat(oauth.invalidGrants()).isZero();
  }

  @Test
  @DisplayName(
      "a token revoked at the server: the next call gets a new token and succeeds with exactly one replay")
  void revoked() {
    Sandbox sandbox = sandbox("secret-" + System.nanoTime());
    OAuthServer oauth = sandbox.oauth();
    Keyway keyway = keyway(sandbox, clientCredentials(oauth));
    assertThat(call(keyway).status()).isEqualTo(200);
    int apiCallsBefore = apiCalls(sandbox);

    oauth.revokeAll();
    assertThat(call(keyway).status()).isEqualTo(200);

    assertThat(apiCalls(sandbox) - apiCallsBefore).as("one refused, one replayed").isEqualTo(2);
    assertThat(oauth.tokenRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName("an API that refuses every token: the caller gets 401 after one retry, not a loop")
  void alwaysUnauthorized() {
    Sandbox sandbox = sandbox("secret-" + System.nanoTime());
    OAuthServer oauth = sandbox.oauth();
    oauth.alwaysUnauthorized(true);
    Keyway keyway = keyway(sandbox, clientCredentials(oauth));

    assertThat(call(keyway).status()).isEqualTo(401);
    assertThat(apiCalls(sandbox)).isEqualTo(2);
    assertThat(oauth.tokenRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "client_secret_basic with : + % and non-ASCII in the secret is accepted (RFC 6749 2.3.1)")
  void trickySecret() {
    Sandbox sandbox = sandbox(TRICKY_SECRET);
    OAuthServer oauth = sandbox.oauth();
    Map<String, Object> auth = clientCredentials(oauth);
    auth.put("clientAuth", "client_secret_basic");

    assertThat(call(keyway(sandbox, auth)).status()).isEqualTo(200);
    assertThat(oauth.tokenRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a token endpoint that keeps failing: a clear error within the timeout, no secret in it or the logs")
  void endpointDown() {
    String secret = "down-secret-" + System.nanoTime();
    Sandbox sandbox = sandbox(secret);
    OAuthServer oauth = sandbox.oauth();
    oauth.failNext(100, 503);
    Keyway keyway = keyway(sandbox, clientCredentials(oauth));

    try (LogCapture logs = LogCapture.start()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> call(keyway))
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(UpstreamException.class)
          .hasMessageContaining("collection api")
          .hasMessageNotContaining(secret)
          .satisfies(
              error ->
                  assertThat(((UpstreamException) error).kind())
                      .isEqualTo(UpstreamException.Kind.AUTH_FAILED));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(logs.text()).doesNotContain(secret);
    }
    assertThat(oauth.tokenRequests()).as("bounded retries").isEqualTo(3);
  }

  private static int apiCalls(Sandbox sandbox) {
    return (int)
        sandbox.requests().stream().filter(r -> r.rawPath().startsWith("/oauth/api")).count();
  }
}
