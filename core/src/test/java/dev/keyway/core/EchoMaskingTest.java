package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyway.core.RecordingServer.Answer;
import dev.keyway.core.config.SecretSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Keyway masks a collection's credentials in what its upstream answers")
class EchoMaskingTest {

  private final RecordingServer echo =
      new RecordingServer(
          received -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            received.headers().forEach((name, value) -> headers.put("X-Echo-" + name, value));
            return new Answer(
                200,
                headers,
                "{\"uri\":\"" + received.uri() + "\",\"headers\":\"" + received.headers() + "\"}",
                Duration.ZERO);
          });

  private Keyway keyway;

  @AfterEach
  void close() {
    if (keyway != null) {
      keyway.close();
    }
    echo.close();
  }

  private static String unique(String kind) {
    return kind + "-" + UUID.randomUUID().toString().replace("-", "");
  }

  private ApiResponse call(Map<String, Object> auth, Map<String, String> secrets) {
    return call(auth, secrets, Map.of());
  }

  private ApiResponse call(
      Map<String, Object> auth, Map<String, String> secrets, Map<String, String> headers) {
    keyway =
        Keyway.builder()
            .configTree(
                Map.of(
                    "collections",
                    Map.of(
                        "api",
                        Map.of(
                            "baseUrl",
                            echo.baseUrl().toString(),
                            "auth",
                            auth,
                            "headers",
                            headers,
                            "calls",
                            Map.of("echo", Map.of("method", "GET", "path", "/echo"))))))
            .secrets(SecretSource.of(secrets))
            .provider(new TestProviders.HeaderProvider())
            .provider(new MaskingProviders.BasicProvider())
            .provider(new MaskingProviders.TokenProvider())
            .provider(new MaskingProviders.LeakyFailingProvider())
            .build();
    return keyway.call("api", "echo", Map.of()).toCompletableFuture().join();
  }

  private static String everything(ApiResponse response) {
    StringBuilder all = new StringBuilder(response.bodyText());
    response.headers().entries().forEach(field -> all.append('\n').append(field));
    return all.toString();
  }

  @Test
  @DisplayName("a header key echoed in the body and in a header field is masked byte for byte")
  void headerKey() {
    String key = unique("hk");

    ApiResponse response = call(Map.of("type", "test-header", "value", key), Map.of());

    assertThat(echo.received().get(0).headers()).containsEntry("x-test", key);
    assertThat(everything(response)).doesNotContain(key);
    assertThat(response.bodyText()).contains("x-test=" + "*".repeat(key.length()));
    assertThat(response.headers().first("X-Echo-x-test")).contains("*".repeat(key.length()));
  }

  @Test
  @DisplayName("a secret from the store used in a collection header is masked")
  void storedSecretInHeader() {
    String key = unique("stored");

    ApiResponse response =
        call(
            Map.of("type", "test-header", "value", "not-secret-at-all"),
            Map.of("private", key),
            Map.of("X-Private", "Token ${secret:private}"));

    assertThat(echo.received().get(0).headers()).containsEntry("x-private", "Token " + key);
    assertThat(everything(response))
        .doesNotContain(key)
        .contains("Token " + "*".repeat(key.length()));
  }

  @Test
  @DisplayName("a Basic header is masked whole, and so is its password alone")
  void basic() {
    String password = unique("pw");
    String encoded =
        Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));

    ApiResponse response =
        call(Map.of("type", "test-basic", "user", "alice", "password", password), Map.of());

    assertThat(everything(response)).doesNotContain(encoded).doesNotContain(password);
    assertThat(response.bodyText()).contains("authorization=" + "*".repeat(6 + encoded.length()));
  }

  @Test
  @DisplayName("a token issued through the token cache is masked, in the query too")
  void issuedToken() {
    String access = unique("at");
    String refresh = unique("rt");

    ApiResponse response =
        call(Map.of("type", "test-token", "access", access, "refresh", refresh), Map.of());

    assertThat(echo.received().get(0).uri()).contains("access_token=" + access);
    assertThat(response.bodyText())
        .doesNotContain(access)
        .contains("access_token=" + "*".repeat(access.length()));
  }

  @Test
  @DisplayName("an answer without credentials is returned as it came")
  void nothingToMask() {
    ApiResponse response = call(Map.of("type", "test-header", "value", unique("hk")), Map.of());

    assertThat(response.bodyText()).contains("\"uri\":\"/echo\"");
  }

  @Test
  @DisplayName("a plugin's exception that quotes a secret reaches the caller with it masked")
  void redactsCauses() {
    String secret = unique("cs");

    Throwable thrown =
        catchThrowable(() -> call(Map.of("type", "leaky", "secret", secret), Map.of()));

    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString())
        .doesNotContain(secret)
        .contains("token endpoint refused client_secret=" + "*".repeat(secret.length()))
        .contains("java.lang.IllegalStateException");
    assertThat(thrown.getCause()).isInstanceOf(UpstreamException.class);
    assertThat(((UpstreamException) thrown.getCause()).kind())
        .isEqualTo(UpstreamException.Kind.AUTH_FAILED);
  }
}
