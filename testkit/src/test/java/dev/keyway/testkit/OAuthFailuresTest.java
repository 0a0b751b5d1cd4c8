package dev.keyway.testkit;

import static dev.keyway.testkit.OAuthCalls.error;
import static dev.keyway.testkit.OAuthCalls.tokenAsClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's token endpoint fails and counts on demand")
class OAuthFailuresTest {

  private final Sandbox sandbox = Sandbox.builder().clock(new FakeClock()).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private HttpResponse<String> clientCredentials() {
    return tokenAsClient(sandbox, "grant_type", "client_credentials");
  }

  @Test
  @DisplayName(
      "failNext with Retry-After: the next requests get 429 or 503 and Retry-After seconds")
  void failNextWithRetryAfter() {
    oauth.failNext(2, 503, Duration.ofMillis(1500));

    HttpResponse<String> first = clientCredentials();
    HttpResponse<String> second = clientCredentials();
    HttpResponse<String> third = clientCredentials();

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).contains("2");
    assertThat(error(first)).isEqualTo("temporarily_unavailable");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(oauth.issuedAccessTokens()).hasSize(1);

    oauth.failNext(1, 429, Duration.ofSeconds(30));
    HttpResponse<String> limited = clientCredentials();
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("30");
    assertThat(oauth.tokenRequests()).isEqualTo(4);
    assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(4);
  }

  @Test
  @DisplayName("failNext without Retry-After: the status and an OAuth2 error body, nothing issued")
  void failNext() {
    oauth.failNext(1, 500);

    HttpResponse<String> failed = clientCredentials();

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.headers().firstValue("Retry-After")).isEmpty();
    assertThat(error(failed)).isEqualTo("server_error");
    assertThat(oauth.issuedAccessTokens()).isEmpty();
    assertThat(clientCredentials().statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("delayNext holds the answers on a timer, so delayed requests overlap")
  void delayNext() {
    oauth.delayNext(12, Duration.ofSeconds(1));
    long start = System.nanoTime();

    List<CompletableFuture<HttpResponse<String>>> calls =
        IntStream.range(0, 12)
            .mapToObj(i -> CompletableFuture.supplyAsync(this::clientCredentials))
            .toList();
    List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(elapsed)
        .as("12 delays of 1 s on at most 4 event loops would take 3 s if they blocked")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
        .isLessThan(Duration.ofMillis(2500));
    long fast = System.nanoTime();
    assertThat(clientCredentials().statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - fast)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("counters: requests by grant, invalid grants, issued tokens; resetCounters")
  void counters() {
    clientCredentials();
    OAuthCalls.passwordGrant(sandbox);
    tokenAsClient(sandbox, "grant_type", "password", "username", "x", "password", "y");
    tokenAsClient(sandbox, "grant_type", "refresh_token", "refresh_token", "unknown");
    tokenAsClient(sandbox, "grant_type", "nonsense");

    assertThat(oauth.tokenRequests()).isEqualTo(5);
    assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(1);
    assertThat(oauth.tokenRequests("password")).isEqualTo(2);
    assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(oauth.tokenRequests("nonsense")).isEqualTo(1);
    assertThat(oauth.tokenRequests("login")).isZero();
    assertThat(oauth.invalidGrants()).isEqualTo(2);
    assertThat(oauth.refreshes()).isZero();
    assertThat(oauth.issuedAccessTokens()).hasSize(2);
    assertThat(sandbox.requests()).filteredOn(r -> r.rawPath().equals("/oauth/token")).hasSize(5);
    String live = oauth.issuedAccessTokens().get(0);

    oauth.resetCounters();

    assertThat(oauth.tokenRequests()).isZero();
    assertThat(oauth.tokenRequests("password")).isZero();
    assertThat(oauth.invalidGrants()).isZero();
    assertThat(oauth.issuedAccessTokens()).isEmpty();
    assertThat(OAuthCalls.api(sandbox, "", live).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("the recorded token request holds the form as sent")
  void recorded() {
    clientCredentials();

    RecordedRequest request = sandbox.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo("grant_type=client_credentials");
    assertThat(request.header("Authorization")).isPresent();
  }

  @Test
  @DisplayName("a bad knob value is refused")
  void badKnobs() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> oauth.failNext(1, 200));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> oauth.tokenLifetime(Duration.ZERO));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> oauth.delayNext(-1, Duration.ZERO));
  }
}
