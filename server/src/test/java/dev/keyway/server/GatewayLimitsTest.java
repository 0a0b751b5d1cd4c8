package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.auth.CallerKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Limits: header size, slow clients and a response cap hit before anything was sent")
class GatewayLimitsTest {

  private static final String KEY = CallerKeys.newKey();

  private static ScriptedUpstream upstream;
  private static Keyway keyway;
  private static Gateway gateway;

  @BeforeAll
  static void start() {
    upstream = new ScriptedUpstream();
    String yaml =
        """
        callers:
          backend: { key: "%s", allow: ["*"] }
        server:
          limits: { headers: 2KiB, responseBody: 100B, readTimeout: 300ms }
        collections:
          scripted:
            baseUrl: ${env:UPSTREAM}
            auth: { type: header-key, keyName: X-Key, key: "${secret:key}" }
            calls: { chunked: { path: /chunked } }
        """
            .formatted(CallerKeys.hash(KEY));
    keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(Map.of("key", ScriptedUpstream.KEY)))
                    .withEnvironmentVariables(
                        Map.of("UPSTREAM", upstream.baseUrl().toString())::get)
                    .parse(yaml))
            .build();
    gateway = Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).start();
  }

  @AfterAll
  static void stop() {
    gateway.stop(Duration.ofSeconds(1));
    keyway.close();
    upstream.close();
  }

  @Test
  @DisplayName("a request head larger than the header cap is refused with 431")
  void headerCap() {
    HttpResponse<String> response =
        Http.send(
            Http.post(gateway.baseUrl(), "/v1/calls/scripted/chunked", "{}")
                .header("Authorization", "Bearer " + KEY)
                .header("X-Padding", "p".repeat(4000)));

    assertThat(response.statusCode()).isEqualTo(431);
  }

  @Test
  @DisplayName("a client that stops sending its request is disconnected after the read timeout")
  void slowClient() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /v1/calls/scripted/chunked HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
                      + "Authorization: Bearer "
                      + KEY
                      + "\r\n\r\n{")
                  .getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // drain whatever is sent before the close
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  @DisplayName("a chunked response over the cap in its first buffer is a 502 problem, not a cut")
  void responseCapBeforeHeaders() {
    HttpResponse<String> response =
        Http.send(
            Http.post(gateway.baseUrl(), "/v1/calls/scripted/chunked", "{}")
                .header("Authorization", "Bearer " + KEY));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body())
        .contains("urn:keyway:problem:upstream-response-too-large")
        .contains("larger than 100 bytes");
  }
}
