package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gateway forwards only what a call declares, and answers with what is safe")
class GatewayForwardingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  private static HttpRequest.Builder post(String path, String json) {
    return Http.post(running.base(), path, json)
        .header("Authorization", "Bearer " + running.backendKey);
  }

  private static JsonNode problem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName(
      "the caller's Authorization, Cookie, X-Forwarded-* and other headers never reach the upstream")
  void callerHeadersStay() {
    HttpResponse<String> response =
        Http.send(
            post("/v1/calls/echo/show", "{}")
                .header("Cookie", "session=caller")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.9")
                .header("X-Real-IP", "203.0.113.9")
                .header("X-Custom", "caller")
                .header("X-Trace", "trace-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest received = running.sandbox.lastRequest();
    assertThat(received.headers().names())
        .doesNotContain("authorization", "cookie", "x-forwarded-for", "x-forwarded-host")
        .doesNotContain("forwarded", "x-real-ip", "x-custom", "origin");
    assertThat(received.header("X-Trace")).contains("trace-1");
    assertThat(response.body()).doesNotContain(running.backendKey);
  }

  @Test
  @DisplayName(
      "a header parameter named Authorization is taken from the JSON body, never the caller's header")
  void authorizationParameter() {
    HttpResponse<String> response =
        Http.send(post("/v1/calls/echo/show", "{\"Authorization\":\"Token from-the-body\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(running.sandbox.lastRequest().header("Authorization"))
        .contains("Token from-the-body");
  }

  @Test
  @DisplayName("a private or undeclared parameter: 400 listing each, and nothing is sent")
  void privateParameter() {
    HttpResponse<String> response =
        Http.send(post("/v1/calls/echo/private", "{\"token\":\"mine\",\"extra\":1}"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = problem(response);
    assertThat(problem.get("type").asText()).isEqualTo("urn:keyway:problem:bad-parameters");
    assertThat(problem.get("problems").findValuesAsText("path"))
        .containsExactlyInAnyOrder("params.token", "params.extra");
    assertThat(response.body()).doesNotContain(RunningGateway.PRIVATE_TOKEN, "mine");
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("a private parameter's value goes upstream, and never comes back in an error")
  void privateValueSent() {
    assertThat(Http.send(post("/v1/calls/echo/private", "{}")).statusCode()).isEqualTo(200);
    assertThat(running.sandbox.lastRequest().queryParameter("token"))
        .contains(RunningGateway.PRIVATE_TOKEN);
  }

  @Test
  @DisplayName("GET takes parameters from the query string; a name given twice is refused")
  void queryParameters() {
    HttpResponse<String> ok =
        Http.send(
            Http.get(running.base(), "/v1/calls/echo/show?q=hello%20world")
                .header("Authorization", "Bearer " + running.backendKey));
    HttpResponse<String> twice = Http.send(post("/v1/calls/echo/show?q=a", "{\"q\":\"b\"}"));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(running.sandbox.lastRequest().queryParameter("q")).contains("hello world");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(problem(twice).get("problems").get(0).get("path").asText()).isEqualTo("params.q");
    assertThat(running.sandbox.requestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a body that is not a JSON object: 400 or 415, without quoting it, and nothing is sent")
  void badBodies() {
    HttpResponse<String> broken = Http.send(post("/v1/calls/echo/show", "{\"q\": SECRETISH"));
    HttpResponse<String> array = Http.send(post("/v1/calls/echo/show", "[1,2]"));
    HttpResponse<String> text =
        Http.send(
            post("/v1/calls/echo/show", "q=1")
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).doesNotContain("SECRETISH").contains("not valid JSON");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName(
      "an oversized request body: 413, by Content-Length or while it streams, and nothing is sent")
  void requestTooLarge() {
    String big = "{\"q\":\"" + "x".repeat(2000) + "\"}";
    HttpResponse<String> declared = Http.send(post("/v1/calls/echo/show", big));
    HttpResponse<String> streamed =
        Http.send(
            post("/v1/calls/echo/show", "")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes()))));

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(problem(declared).get("detail").asText())
        .isEqualTo("the request body is larger than 1024 bytes");
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName(
      "a hung upstream: 504 within its response timeout, while another collection keeps answering")
  void hungUpstream() throws Exception {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> hung =
        Http.sendAsync(post("/v1/calls/hung/wait", "{}"));

    HttpResponse<String> other = Http.send(post("/v1/calls/headerKey/things", "{}"));
    assertThat(other.statusCode()).isEqualTo(200);

    HttpResponse<String> timedOut = hung.get(10, TimeUnit.SECONDS);
    assertThat(timedOut.statusCode()).isEqualTo(504);
    assertThat(problem(timedOut).get("detail").asText())
        .isEqualTo("collection hung, call wait: the upstream did not answer within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(running.hung.received()).isPositive();
  }

  @Test
  @DisplayName("an unreachable upstream: 502")
  void unreachable() {
    HttpResponse<String> response = Http.send(post("/v1/calls/gone/away", "{}"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:keyway:problem:upstream-unreachable");
    assertThat(response.body()).doesNotContain("127.0.0.1");
  }

  @Test
  @DisplayName("the upstream's status and body pass unchanged, errors included")
  void upstreamStatus() {
    HttpResponse<String> response = Http.send(post("/v1/calls/echo/status", "{\"code\":503}"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"status\":503}");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  @DisplayName(
      "only allowed header fields pass, a credential in one masked; Set-Cookie, hop-by-hop do not")
  void responseHeaders() {
    HttpResponse<String> response = Http.send(post("/v1/calls/scripted/headers", "{}"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().map())
        .containsKeys(
            "content-type",
            "etag",
            "cache-control",
            "ratelimit-remaining",
            "x-ratelimit-limit",
            "retry-after",
            "x-correlation-id")
        .doesNotContainKeys("set-cookie", "x-internal", "server", "keep-alive");
    assertThat(response.headers().map().toString()).doesNotContain(ScriptedUpstream.KEY);
    assertThat(response.headers().firstValue("Link"))
        .contains(
            "<https://up.example/next?api_key=" + "*".repeat(ScriptedUpstream.KEY.length()) + ">");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .contains("default-src 'none'; sandbox");
  }

  @Test
  @DisplayName("a response declared larger than the cap: 502 before anything is sent")
  void responseTooLargeDeclared() {
    HttpResponse<String> response = Http.send(post("/v1/calls/scripted/big", "{}"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:keyway:problem:upstream-response-too-large");
  }

  @Test
  @DisplayName("a streamed response growing past the cap is cut: the caller sees a broken body")
  void responseTooLargeStreamed() {
    assertThatThrownBy(() -> Http.send(post("/v1/calls/scripted/stream", "{}")))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  @DisplayName("a response under the cap streams through whole, chunked")
  void streamsWhole() {
    HttpResponse<String> response = Http.send(post("/v1/calls/scripted/chunked", "{}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(ScriptedUpstream.text(1000));
  }

  @Test
  @DisplayName("a caller's X-Correlation-Id is kept when it is a plain token, else replaced")
  void correlationId() {
    HttpResponse<String> kept =
        Http.send(post("/v1/calls/echo/show", "{}").header("X-Correlation-Id", "req-12345678"));
    HttpResponse<String> replaced =
        Http.send(post("/v1/calls/nope/x", "{}").header("X-Correlation-Id", "no spaces <here>"));

    assertThat(kept.headers().firstValue("X-Correlation-Id")).contains("req-12345678");
    assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow())
        .matches("[0-9a-f]{16}");
    assertThat(problem(replaced).get("correlationId").asText())
        .isEqualTo(replaced.headers().firstValue("X-Correlation-Id").orElseThrow());
  }

  @Test
  @DisplayName("other methods get 405 with Allow; other paths get 404")
  void routing() {
    HttpResponse<String> put =
        Http.send(post("/v1/calls/echo/show", "{}").PUT(HttpRequest.BodyPublishers.ofString("{}")));
    HttpResponse<String> elsewhere = Http.send(post("/v2/whatever", "{}"));

    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST, OPTIONS");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(problem(elsewhere).get("type").asText()).isEqualTo("urn:keyway:problem:no-endpoint");
    assertThat(running.sandbox.requestCount()).isZero();
  }
}
