package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.server.internal.auth.CallerKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "Calls in flight: a stop lets them finish up to a deadline; a caller that leaves ends its own")
class GatewayShutdownTest {

  private final String key = CallerKeys.newKey();
  private GatedUpstream upstream;
  private Keyway keyway;
  private Gateway gateway;

  @BeforeEach
  void start() {
    upstream = new GatedUpstream();
    String yaml =
        """
        callers:
          backend: { key: "%s", allow: ["*"] }
        collections:
          slow:
            baseUrl: ${env:UPSTREAM}
            auth: { type: none }
            timeouts: { response: 20s }
            calls: { wait: { path: /wait } }
        """
            .formatted(CallerKeys.hash(key));
    keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withEnvironmentVariables(
                        Map.of("UPSTREAM", upstream.baseUrl().toString())::get)
                    .parse(yaml))
            .build();
    gateway = Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).start();
  }

  @AfterEach
  void stop() {
    gateway.stop(Duration.ofSeconds(1));
    keyway.close();
    upstream.close();
  }

  private CompletableFuture<HttpResponse<String>> callInFlight() throws InterruptedException {
    CompletableFuture<HttpResponse<String>> call =
        Http.sendAsync(
            Http.post(gateway.baseUrl(), "/v1/calls/slow/wait", "{}")
                .header("Authorization", "Bearer " + key));
    upstream.awaitRequest();
    return call;
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not become true within 10 s");
      }
      Thread.onSpinWait();
    }
  }

  @Test
  @DisplayName(
      "a call in flight completes; meanwhile /ready is 503 and new connections are refused")
  void drains() throws Exception {
    CompletableFuture<HttpResponse<String>> call = callInFlight();
    int port = gateway.port();
    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(() -> gateway.stop(Duration.ofSeconds(10)));

    awaitTrue(() -> !gateway.isReady());
    assertThat(Http.send(Http.get(gateway.adminUrl(), "/ready")).statusCode()).isEqualTo(503);
    awaitTrue(() -> !accepts(port));
    assertThat(call).isNotDone();

    upstream.open();

    HttpResponse<String> response = call.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("done");
    stopping.get(10, TimeUnit.SECONDS);
    assertThat(gateway.awaitStop(Duration.ZERO)).isTrue();
  }

  @Test
  @DisplayName("a caller that leaves mid-call cancels the upstream request")
  void callerLeaves() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      String request =
          "POST /v1/calls/slow/wait HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + key
              + "\r\nContent-Length: 0\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      upstream.awaitRequest();
    }

    upstream.awaitDisconnect();
  }

  @Test
  @DisplayName("a call still in flight at the deadline is cut, its upstream request too")
  void deadline() throws Exception {
    CompletableFuture<HttpResponse<String>> call = callInFlight();

    gateway.stop(Duration.ofMillis(200));

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    upstream.awaitDisconnect();
  }
}
