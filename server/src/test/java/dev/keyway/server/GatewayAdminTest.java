package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The admin port serves health, readiness and Prometheus metrics")
class GatewayAdminTest {

  private static RunningGateway running;

  @BeforeAll
  static void start() {
    running = new RunningGateway();
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  private static HttpResponse<String> admin(String path) {
    return Http.send(Http.get(running.gateway.adminUrl(), path));
  }

  @Test
  @DisplayName("the admin port is a different port on 127.0.0.1")
  void separatePort() {
    assertThat(running.gateway.adminPort()).isNotEqualTo(running.gateway.port());
    assertThat(running.gateway.adminUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(Http.send(Http.get(running.base(), "/health")).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("/health and /ready answer 200 while the gateway runs")
  void healthAndReady() {
    assertThat(admin("/health").statusCode()).isEqualTo(200);
    assertThat(admin("/health").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(admin("/ready").statusCode()).isEqualTo(200);
    assertThat(admin("/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "/metrics counts calls by collection, call and status class, without parameter values")
  void metrics() {
    String value = "param-value-CANARY-31";
    Http.send(
        Http.post(running.base(), "/v1/calls/echo/show", "{\"q\":\"" + value + "\"}")
            .header("Authorization", "Bearer " + running.backendKey));
    Http.send(Http.post(running.base(), "/v1/calls/echo/show", "{}"));
    Http.send(
        Http.post(running.base(), "/v1/calls/" + value + "/x", "{}")
            .header("Authorization", "Bearer " + running.backendKey));

    // Calls are counted once their answer has left, so the count may trail the response.
    HttpResponse<String> response = admin("/metrics");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!response.body().contains("collection=\"unknown\",status=\"4xx\"")
        && System.nanoTime() < deadline) {
      response = admin("/metrics");
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    assertThat(response.body())
        .contains("keyway_calls_total{call=\"show\",collection=\"echo\",status=\"2xx\"} 1.0")
        .contains("keyway_calls_total{call=\"show\",collection=\"echo\",status=\"4xx\"} 1.0")
        .contains("keyway_calls_total{call=\"unknown\",collection=\"unknown\",status=\"4xx\"}")
        .contains("keyway_upstream_latency_seconds_bucket{call=\"show\",collection=\"echo\"")
        .contains("keyway_caller_rejections_total{reason=\"unauthenticated\"}")
        .doesNotContain(value)
        .doesNotContain(running.backendKey);
  }

  @Test
  @DisplayName("stopping makes /ready answer 503 before the admin port closes")
  void readinessDuringStop() {
    try (RunningGateway other = new RunningGateway()) {
      assertThat(other.gateway.isReady()).isTrue();
      other.gateway.stop(Duration.ofSeconds(5));
      assertThat(other.gateway.isReady()).isFalse();
    }
  }
}
