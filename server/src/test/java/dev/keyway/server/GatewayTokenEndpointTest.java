package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.auth.CallerKeys;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.OAuthServer;
import dev.keyway.testkit.Sandbox;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An OAuth2 collection at the gateway: tokens obtained, and a token endpoint that is down. */
@DisplayName("The gateway with an oauth2-client-credentials collection")
class GatewayTokenEndpointTest {

  private static final String CONFIG =
      """
      callers:
        backend: { key: "%s", allow: ["*"] }
      collections:
        bank:
          baseUrl: ${env:SANDBOX}
          timeouts: { connect: 1s, response: 1s }
          auth:
            type: oauth2-client-credentials
            tokenEndpoint: ${env:TOKEN_URL}
            clientId: ${env:CLIENT_ID}
            clientSecret: "${secret:client}"
          calls:
            accounts: { path: /oauth/api/accounts }
      """;

  private final FakeClock clock = new FakeClock();
  private final String callerKey = CallerKeys.newKey();
  private final String clientSecret = "client-secret-CANARY-" + System.nanoTime();
  private Sandbox sandbox;
  private Keyway keyway;
  private Gateway gateway;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().clock(clock).oauthClient("bank-app", clientSecret).start();
    OAuthServer oauth = sandbox.oauth();
    Map<String, String> variables =
        Map.of(
            "SANDBOX", sandbox.baseUrl().toString(),
            "TOKEN_URL", oauth.tokenUrl().toString(),
            "CLIENT_ID", oauth.clientId());
    keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(Map.of("client", clientSecret)))
                    .withEnvironmentVariables(variables::get)
                    .parse(CONFIG.formatted(CallerKeys.hash(callerKey))))
            .clock(clock)
            .build();
    gateway = Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).clock(clock).start();
  }

  @AfterEach
  void stop() {
    gateway.stop(Duration.ofSeconds(5));
    keyway.close();
    sandbox.close();
  }

  private HttpResponse<String> accounts() {
    return Http.send(
        Http.post(gateway.baseUrl(), "/v1/calls/bank/accounts", "{}")
            .header("Authorization", "Bearer " + callerKey));
  }

  @Test
  @DisplayName("a call gets a token from the token endpoint and the API answers")
  void works() {
    HttpResponse<String> response = accounts();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"realm\":\"oauth\"");
    assertThat(sandbox.oauth().tokenRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a token endpoint that is down: 502 within the timeout, and no secret in the answer or the logs")
  void tokenEndpointDown() {
    sandbox.oauth().failNext(100, 500);
    try (LogCapture logs = LogCapture.start()) {
      long start = System.nanoTime();
      HttpResponse<String> response = accounts();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("application/problem+json");
      assertThat(response.body())
          .contains("upstream-credentials-unavailable")
          .contains("collection bank")
          .doesNotContain(clientSecret)
          .doesNotContain(sandbox.oauth().tokenUrl().toString());
      assertThat(logs.text()).doesNotContain(clientSecret);
    }
    assertThat(sandbox.requests().stream().filter(r -> r.rawPath().startsWith("/oauth/api")))
        .isEmpty();
  }

  @Test
  @DisplayName("a token endpoint that does not listen at all: 502, with the collection named")
  void tokenEndpointUnreachable() {
    URI base = gateway.baseUrl();
    sandbox.close(); // the API and the token endpoint are gone
    HttpResponse<String> response =
        Http.send(
            Http.post(base, "/v1/calls/bank/accounts", "{}")
                .header("Authorization", "Bearer " + callerKey));
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("the token endpoint could not be reached");
  }
}
