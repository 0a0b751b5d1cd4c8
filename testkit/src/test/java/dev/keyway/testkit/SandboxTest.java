package dev.keyway.testkit;

import static dev.keyway.testkit.LoopbackClient.get;
import static dev.keyway.testkit.LoopbackClient.request;
import static dev.keyway.testkit.LoopbackClient.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sandbox")
class SandboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  @DisplayName("listens on 127.0.0.1 with a free port and gives its base URL without a slash")
  void baseUrl() {
    assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(sandbox.baseUrl().getPort()).isPositive();
    try (Sandbox other = Sandbox.start()) {
      assertThat(other.baseUrl()).isNotEqualTo(sandbox.baseUrl());
    }
  }

  @Test
  @DisplayName("uses the default names and random URL-safe credentials of at least 128 bits")
  void defaults() {
    assertThat(sandbox.headerKeyName()).isEqualTo("X-Api-Key");
    assertThat(sandbox.queryKeyName()).isEqualTo("api_key");
    assertThat(sandbox.bodyKeyName()).isEqualTo("api_key");
    List<String> values =
        List.of(
            sandbox.headerKey(), sandbox.queryKey(), sandbox.bodyKey(), sandbox.basicPassword());
    // 22 base64url characters hold 128 bits.
    assertThat(values).allSatisfy(value -> assertThat(value).matches("[A-Za-z0-9_-]{22,}"));
    assertThat(sandbox.basicUsername()).matches("[A-Za-z0-9_-]+").doesNotContain(":");
    assertThat(Set.copyOf(values)).hasSize(4);
    try (Sandbox other = Sandbox.start()) {
      assertThat(other.headerKey()).isNotEqualTo(sandbox.headerKey());
      assertThat(other.basicUsername()).isNotEqualTo(sandbox.basicUsername());
    }
  }

  @Test
  @DisplayName("echo answers with exactly the method, raw path, query, headers and body it got")
  void echo() throws IOException {
    HttpResponse<String> response =
        send(
            request(sandbox, "/echo/a%2Fb/c?x=1&x=two%20words&empty=&flag&%C3%A9=%E2%82%AC")
                .header("X-Trace", "first")
                .header("X-Trace", "second")
                .header("Content-Type", "text/plain; charset=utf-8")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("héllo {\"not\":\"parsed\"}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode echo = json(response);
    assertThat(echo.get("method").asText()).isEqualTo("PATCH");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/a%2Fb/c");
    assertThat(
            JSON.convertValue(echo.get("query"), new TypeReference<Map<String, List<String>>>() {}))
        .isEqualTo(
            Map.of(
                "x", List.of("1", "two words"),
                "empty", List.of(""),
                "flag", List.of(""),
                "é", List.of("€")));
    assertThat(echo.get("headers").get("x-trace").toString()).isEqualTo("[\"first\",\"second\"]");
    assertThat(echo.get("headers").get("content-type").get(0).asText())
        .isEqualTo("text/plain; charset=utf-8");
    assertThat(echo.get("body").asText()).isEqualTo("héllo {\"not\":\"parsed\"}");
    assertThat(echo.fieldNames())
        .toIterable()
        .containsExactly("method", "path", "query", "headers", "body");
  }

  @Test
  @DisplayName("echo serves its own path and answers an empty body as an empty string")
  void echoRoot() throws IOException {
    HttpResponse<String> response = send(request(sandbox, "/echo").DELETE().build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode echo = json(response);
    assertThat(echo.get("method").asText()).isEqualTo("DELETE");
    assertThat(echo.get("path").asText()).isEqualTo("/echo");
    assertThat(echo.get("query").size()).isZero();
    assertThat(echo.get("body").asText()).isEmpty();
  }

  @Test
  @DisplayName("records the method, raw path, raw and decoded query, headers and exact body bytes")
  void records() {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    send(
        request(sandbox, "/echo/x%20y?k=a%26b&k=c+d")
            .header("X-One", "1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());

    RecordedRequest recorded = sandbox.lastRequest();
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.rawPath()).isEqualTo("/echo/x%20y");
    assertThat(recorded.rawQuery()).isEqualTo("k=a%26b&k=c+d");
    assertThat(recorded.query()).isEqualTo(Map.of("k", List.of("a&b", "c d")));
    assertThat(recorded.queryParameter("k")).contains("a&b");
    assertThat(recorded.queryParameter("missing")).isEmpty();
    assertThat(recorded.header("x-one")).contains("1");
    assertThat(recorded.headers().first("Host")).isPresent();
    assertThat(recorded.body()).isEqualTo(body);
  }

  @Test
  @DisplayName("records a malformed percent escape in the query as it arrived")
  void recordsMalformedQuery() {
    String status =
        LoopbackClient.sendRaw(
            sandbox,
            "GET /echo/q?raw=%zz&ok=%41 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(status).isEqualTo("HTTP/1.1 200 OK");
    assertThat(sandbox.lastRequest().rawQuery()).isEqualTo("raw=%zz&ok=%41");
    assertThat(sandbox.lastRequest().query())
        .isEqualTo(Map.of("raw", List.of("%zz"), "ok", List.of("A")));
  }

  @Test
  @DisplayName("records a request without a query with an empty raw query")
  void recordsNoQuery() {
    get(sandbox, "/echo/plain");

    assertThat(sandbox.lastRequest().rawQuery()).isEmpty();
    assertThat(sandbox.lastRequest().query()).isEmpty();
    assertThat(sandbox.lastRequest().body()).isEmpty();
  }

  @Test
  @DisplayName("records every request whatever the answer, in arrival order")
  void recordsEveryAnswer() {
    get(sandbox, "/header-key/refused");
    get(sandbox, "/nowhere");
    get(sandbox, "/status/500");
    get(sandbox, "/echo/ok");

    assertThat(sandbox.requests())
        .extracting(RecordedRequest::rawPath)
        .containsExactly("/header-key/refused", "/nowhere", "/status/500", "/echo/ok");
    assertThat(sandbox.requestCount()).isEqualTo(4);
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/echo/ok");
  }

  @Test
  @DisplayName("gives a snapshot of the requests that later requests do not change")
  void snapshot() {
    get(sandbox, "/echo/1");
    List<RecordedRequest> before = sandbox.requests();
    get(sandbox, "/echo/2");

    assertThat(before).hasSize(1);
    assertThatThrownBy(() -> before.add(before.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("forgets its requests on clear, and lastRequest fails when there is none")
  void clear() {
    assertThatThrownBy(sandbox::lastRequest)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no request");
    get(sandbox, "/echo");

    sandbox.clear();

    assertThat(sandbox.requestCount()).isZero();
    assertThat(sandbox.requests()).isEmpty();
    assertThatThrownBy(sandbox::lastRequest).isInstanceOf(AssertionError.class);
  }

  @Test
  @DisplayName("answers /status/{code} with that status and a small JSON body")
  void status() throws IOException {
    HttpResponse<String> response = get(sandbox, "/status/503");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(response).get("status").asInt()).isEqualTo(503);
    assertThat(get(sandbox, "/status/200").statusCode()).isEqualTo(200);
    assertThat(get(sandbox, "/status/599").statusCode()).isEqualTo(599);
  }

  @Test
  @DisplayName("answers /status/204 and /status/304 without a body")
  void statusWithoutBody() {
    HttpResponse<String> noContent = get(sandbox, "/status/204");
    HttpResponse<String> notModified = get(sandbox, "/status/304");

    assertThat(noContent.statusCode()).isEqualTo(204);
    assertThat(noContent.body()).isEmpty();
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
  }

  @Test
  @DisplayName("answers 400 to a status that is not a number from 200 to 599")
  void badStatus() {
    for (String code : List.of("abc", "99", "199", "600", "1000", "-42")) {
      HttpResponse<String> response = get(sandbox, "/status/" + code);
      assertThat(response.statusCode()).as(code).isEqualTo(400);
      assertThat(response.body()).as(code).contains("200 to 599");
    }
  }

  @Test
  @DisplayName("answers 404 to /status without a code or with more path after it")
  void statusWithoutCode() {
    assertThat(get(sandbox, "/status").statusCode()).isEqualTo(404);
    assertThat(get(sandbox, "/status/").statusCode()).isEqualTo(404);
    assertThat(get(sandbox, "/status/503/more").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("answers 404 with a JSON error to a path no endpoint serves")
  void unknownPath() throws IOException {
    for (String path : List.of("/", "/nothing/here", "/echoes", "/header-keys/x", "/basic-x")) {
      HttpResponse<String> response = get(sandbox, path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(json(response).get("error").asText()).as(path).isEqualTo("not found");
    }
    assertThat(sandbox.requestCount()).isEqualTo(5);
  }

  @Test
  @DisplayName("records every one of many concurrent requests")
  void concurrent() {
    int count = 64;
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      responses.add(
          LoopbackClient.client()
              .sendAsync(
                  request(sandbox, "/echo/" + i)
                      .POST(HttpRequest.BodyPublishers.ofString("body " + i))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
    }

    assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
    assertThat(sandbox.requestCount()).isEqualTo(count);
    Set<String> paths =
        sandbox.requests().stream().map(RecordedRequest::rawPath).collect(Collectors.toSet());
    assertThat(paths).hasSize(count).contains("/echo/0", "/echo/" + (count - 1));
    assertThat(sandbox.requests())
        .allSatisfy(r -> assertThat(r.bodyText()).isEqualTo("body " + r.rawPath().substring(6)));
  }

  @Test
  @DisplayName("reads a body of exactly 1 MiB")
  void largestBody() {
    byte[] body = new byte[SandboxHandler.MAX_BODY_BYTES];
    Arrays.fill(body, (byte) 'a');

    HttpResponse<String> response =
        send(request(sandbox, "/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sandbox.lastRequest().body()).isEqualTo(body);
  }

  @Test
  @DisplayName("answers 413 to a body over 1 MiB and records its first MiB")
  void tooLargeBody() {
    byte[] body = new byte[SandboxHandler.MAX_BODY_BYTES + 1];
    Arrays.fill(body, (byte) 'b');

    HttpResponse<String> response =
        send(request(sandbox, "/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("larger than 1 MiB");
    assertThat(sandbox.lastRequest().body()).hasSize(SandboxHandler.MAX_BODY_BYTES);
    assertThat(get(sandbox, "/echo/after").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("records the path and query of an absolute-form request target")
  void absoluteForm() {
    int port = sandbox.baseUrl().getPort();
    String status =
        LoopbackClient.sendRaw(
            sandbox,
            "GET http://127.0.0.1:"
                + port
                + "/echo/abs?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(status).isEqualTo("HTTP/1.1 200 OK");
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/echo/abs");
    assertThat(sandbox.lastRequest().rawQuery()).isEqualTo("q=1");
  }

  @Test
  @DisplayName("releases its port on close, and closing twice does nothing")
  void closes() {
    Sandbox closing = Sandbox.start();
    int port = closing.baseUrl().getPort();
    assertThat(get(closing, "/echo").statusCode()).isEqualTo(200);

    closing.close();
    closing.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  @DisplayName("names its base URL in toString")
  void describes() {
    assertThat(sandbox.toString()).isEqualTo("Sandbox[" + sandbox.baseUrl() + "]");
  }

  @Test
  @DisplayName("decodes the body of a recorded request as UTF-8")
  void bodyText() {
    send(
        request(sandbox, "/echo")
            .POST(HttpRequest.BodyPublishers.ofString("ünïcödé ✓", StandardCharsets.UTF_8))
            .build());

    assertThat(sandbox.lastRequest().bodyText()).isEqualTo("ünïcödé ✓");
  }
}
