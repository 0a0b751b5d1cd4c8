package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CORS: browsers of a caller's origins may call; others may not")
class GatewayCorsTest {

  private static RunningGateway running;

  @BeforeAll
  static void start() {
    running = new RunningGateway();
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @BeforeEach
  void clear() {
    running.sandbox.clear();
  }

  private static HttpResponse<String> preflight(String origin, String method, String headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(running.base().resolve("/v1/calls/echo/show"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method);
    if (headers != null) {
      request.header("Access-Control-Request-Headers", headers);
    }
    return Http.send(request);
  }

  @Test
  @DisplayName("a preflight from a configured origin is answered 204 with the method and headers")
  void preflightAllowed() {
    HttpResponse<String> response =
        preflight(RunningGateway.ORIGIN, "POST", "authorization,content-type,x-trace");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(RunningGateway.ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .contains("authorization,content-type,x-trace");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("a preflight from another origin, for another method or header, is refused")
  void preflightRefused() {
    HttpResponse<String> otherOrigin = preflight("https://evil.example", "POST", null);
    HttpResponse<String> otherMethod = preflight(RunningGateway.ORIGIN, "DELETE", null);
    HttpResponse<String> otherHeader = preflight(RunningGateway.ORIGIN, "POST", "x-secret-sauce");

    assertThat(otherOrigin.statusCode()).isEqualTo(403);
    assertThat(otherOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(otherMethod.statusCode()).isEqualTo(403);
    assertThat(otherHeader.statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("a browser call with a session token from its caller's origin is readable there")
  void actualCallAllowed() {
    String token = running.sessionToken("alice", Duration.ofMinutes(5));

    HttpResponse<String> response =
        Http.send(
            Http.post(running.base(), "/v1/calls/echo/show", "{}")
                .header("Origin", RunningGateway.ORIGIN)
                .header("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(RunningGateway.ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("X-Correlation-Id");
    assertThat(response.headers().allValues("Vary")).contains("Origin");
  }

  @Test
  @DisplayName("a caller key used from a browser origin it does not list: 403, nothing sent")
  void keyFromBrowserRefused() {
    HttpResponse<String> response =
        Http.send(
            Http.post(running.base(), "/v1/calls/echo/show", "{}")
                .header("Origin", RunningGateway.ORIGIN)
                .header("Authorization", "Bearer " + running.backendKey));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("caller backend may not be used from this Origin");
    // Readable by the page, so it can tell the user what went wrong.
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(RunningGateway.ORIGIN);
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("any call from an origin no caller lists: 403 without CORS headers, nothing sent")
  void unknownOriginRefused() {
    HttpResponse<String> response =
        Http.send(
            Http.post(running.base(), "/v1/calls/echo/open", "{}")
                .header("Origin", "https://evil.example"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("a plain OPTIONS gets the allowed methods")
  void plainOptions() {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(running.base().resolve("/v1/calls/echo/show"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Allow")).contains("GET, POST, OPTIONS");
  }
}
