package dev.keyway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An upstream that echoes the request — the sandbox's {@code /echo} answers with the headers and
 * the decoded query as JSON — gets every credential of the collection masked byte for byte before
 * the caller sees the answer.
 */
@DisplayName("Keyway masks credentials an upstream echoes back")
class EchoMaskingTest {

  private final Sandbox sandbox = Sandbox.start();
  private Keyway keyway;

  @AfterEach
  void stop() {
    if (keyway != null) {
      keyway.close();
    }
    sandbox.close();
  }

  private ApiResponse echo(Map<String, Object> auth) {
    keyway =
        Keyway.builder()
            .configTree(
                Map.of(
                    "collections",
                    Map.of(
                        "api",
                        Map.of(
                            "baseUrl",
                            sandbox.baseUrl() + "/echo",
                            "auth",
                            auth,
                            "calls",
                            Map.of("show", Map.of("method", "GET", "path", "/show"))))))
            .build();
    return keyway.call("api", "show", Map.of()).toCompletableFuture().join();
  }

  @Test
  @DisplayName("a query key shows as a mask of its length in the echoed query")
  void queryKey() {
    String key = "qk-7f3a9c2e5b1d8f4a";

    ApiResponse response = echo(Map.of("type", "query-key", "keyName", "appid", "key", key));

    assertThat(sandbox.lastRequest().queryParameter("appid")).contains(key);
    assertThat(response.bodyText())
        .doesNotContain(key)
        .contains("\"query\":{\"appid\":[\"" + "*".repeat(key.length()) + "\"]}");
  }

  @Test
  @DisplayName("a header key with a scheme shows as a mask, and so does a key the JSON escapes")
  void headerKeyWithQuote() {
    String key = "Token hk-\"quoted\"/slash";

    ApiResponse response = echo(Map.of("type", "header-key", "keyName", "X-Key", "key", key));

    assertThat(sandbox.lastRequest().header("X-Key")).contains(key);
    // Jackson writes the quotes as \" : the JSON-escaped spelling is masked, 25 bytes long.
    assertThat(response.bodyText())
        .doesNotContain("quoted")
        .contains("\"x-key\":[\"" + "*".repeat(key.length() + 2) + "\"]");
  }

  @Test
  @DisplayName("a Basic header shows as a mask of the whole header value")
  void basicHeader() {
    ApiResponse response =
        echo(Map.of("type", "basic", "username", "alice", "password", "pw-5e8b2c7a1f"));

    String sent = sandbox.lastRequest().header("Authorization").orElseThrow();
    assertThat(response.bodyText())
        .doesNotContain(sent.substring("Basic ".length()))
        .contains("\"authorization\":[\"" + "*".repeat(sent.length()) + "\"]");
  }

  @Test
  @DisplayName("the caller gets the upstream's status and the same number of body bytes")
  void sameLength() {
    String key = "qk-0123456789abcdef";

    ApiResponse masked = echo(Map.of("type", "query-key", "keyName", "k", "key", key));

    assertThat(masked.status()).isEqualTo(200);
    String restored = masked.bodyText().replace("*".repeat(key.length()), key);
    assertThat(restored)
        .hasSameSizeAs(masked.bodyText())
        .startsWith(
            "{\"method\":\"GET\",\"path\":\"/echo/show\",\"query\":{\"k\":[\""
                + key
                + "\"]},\"headers\":");
  }
}
