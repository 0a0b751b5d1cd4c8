package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.testkit.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gateway's log lines hold no credential, header value, query or body")
class GatewayLogTest {

  private static RunningGateway running;

  @BeforeAll
  static void start() {
    running = new RunningGateway();
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  @DisplayName("successes, refusals and upstream failures log ids, statuses and times only")
  void logsNothingSecret() {
    String token = running.sessionToken("alice@example.com", Duration.ofMinutes(5));
    String value = "param-CANARY-9d2";
    String header = "header-CANARY-51a";
    String path = "path-CANARY-0c4";
    try (LogCapture logs = LogCapture.start()) {
      Http.send(
          Http.post(running.base(), "/v1/calls/echo/show?q=" + value, "{}")
              .header("Authorization", "Bearer " + running.backendKey)
              .header("X-Trace", header));
      Http.send(
          Http.post(running.base(), "/v1/calls/queryKey/things", "{\"x\":\"" + value + "\"}")
              .header("Authorization", "Bearer " + token));
      Http.send(
          Http.post(running.base(), "/v1/calls/" + path + "/x", "{\"q\": " + value)
              .header("Authorization", "Bearer " + running.backendKey));
      Http.send(
          Http.post(running.base(), "/v1/calls/basic/me", "{}")
              .header("Authorization", "Bearer kw_wrong-" + value));
      Http.send(
          Http.post(running.base(), "/v1/calls/hung/wait", "{}")
              .header("Authorization", "Bearer " + running.backendKey)
              .header("X-Correlation-Id", "not a valid id " + header));

      // The access line is written once the answer has left, so it may trail the response.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!logs.text().contains("hung.wait 504") && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      String text = logs.text();
      assertThat(text).contains("echo.show 200", "queryKey.things 400", "hung.wait 504");
      assertThat(text)
          .doesNotContain(value, header, path, token, running.backendKey, "alice@example.com");
      for (String credential : running.credentials()) {
        assertThat(text).doesNotContain(credential);
      }
    }
  }
}
