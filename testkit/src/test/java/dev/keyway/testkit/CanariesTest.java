package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.core.ApiResponse;
import dev.keyway.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Canaries")
class CanariesTest {

  @Test
  @DisplayName("plants a unique, recognisable value for every kind of credential")
  void plantsUniqueValues() {
    try (Canaries first = Canaries.plant();
        Canaries second = Canaries.plant()) {
      assertThat(first.values())
          .containsOnlyKeys(
              "header-key",
              "query-key",
              "body-key",
              "basic-password",
              "client-secret",
              "access-token",
              "refresh-token");
      first
          .values()
          .forEach(
              (kind, value) -> assertThat(value).matches("canary-" + kind + "-[A-Za-z0-9_-]{32}"));
      Set<String> all = new HashSet<>(first.values().values());
      all.addAll(second.values().values());
      assertThat(all).hasSize(14);
      assertThat(first.headerKey()).isEqualTo(first.values().get("header-key"));
      assertThat(first.accessToken()).isNotEqualTo(first.refreshToken());
      assertThat(first.basicUsername()).startsWith("canary-user-").doesNotContain(":");
      assertThat(first.toString()).doesNotContain(first.headerKey());
    }
  }

  @Test
  @DisplayName("passes text without canaries")
  void cleanText() {
    try (Canaries canaries = Canaries.plant()) {
      assertThatCode(
              () ->
                  canaries
                      .assertNotIn("a text", "nothing to see")
                      .assertNotIn("null", (String) null))
          .doesNotThrowAnyException();
    }
  }

  @Test
  @DisplayName("fails on a canary, naming its kind and where, without printing the canary")
  void findsWholeValue() {
    try (Canaries canaries = Canaries.plant()) {
      String text = "{\"echo\":\"" + canaries.queryKey() + "\"}";

      assertThatThrownBy(() -> canaries.assertNotIn("the echo body", text))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("the echo body holds the query-key canary")
          .hasMessageContaining("{\"echo\":\"<CANARY:query-key>\"}")
          .hasMessageNotContaining(canaries.queryKey());
    }
  }

  @Test
  @DisplayName("fails on 16 characters of a canary: a truncated leak is a leak")
  void findsFragments() {
    try (Canaries canaries = Canaries.plant()) {
      String secret = canaries.clientSecret();
      String fragment = secret.substring(secret.length() - 20, secret.length() - 4);

      assertThatThrownBy(() -> canaries.assertNotIn("a log line", "secret=" + fragment + "..."))
          .hasMessageContaining("client-secret (a part of it) canary");
    }
  }

  @Test
  @DisplayName("fails on the Basic password inside an Authorization header's base64")
  void findsBasicHeader() {
    try (Canaries canaries = Canaries.plant()) {
      String header =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (canaries.basicUsername() + ":" + canaries.basicPassword())
                          .getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> canaries.assertNotIn("a header", header))
          .hasMessageContaining("basic-password (base64 of user:password) canary");
    }
  }

  @Test
  @DisplayName("checks a response's headers and body, and an exception's whole stack trace")
  void responsesAndThrowables() {
    try (Canaries canaries = Canaries.plant()) {
      ApiResponse inHeader =
          new ApiResponse(200, Headers.empty().add("X-Echo", canaries.headerKey()), new byte[0]);
      ApiResponse inBody =
          new ApiResponse(
              500, Headers.empty(), canaries.accessToken().getBytes(StandardCharsets.UTF_8));
      RuntimeException thrown =
          new RuntimeException(
              "outer", new IllegalStateException("inner " + canaries.refreshToken()));

      assertThatThrownBy(() -> canaries.assertNotIn(inHeader))
          .hasMessageContaining("the response headers (status 200) holds the header-key canary");
      assertThatThrownBy(() -> canaries.assertNotIn(inBody))
          .hasMessageContaining("the response body (status 500) holds the access-token canary");
      assertThatThrownBy(() -> canaries.assertNotIn("the error", thrown))
          .hasMessageContaining("the error holds the refresh-token canary");
      assertThatCode(
              () ->
                  canaries.assertNotIn(
                      new ApiResponse(200, Headers.empty(), "ok".getBytes(StandardCharsets.UTF_8))))
          .doesNotThrowAnyException();
    }
  }

  @Test
  @DisplayName("captures what is logged while planted, and fails when a canary was logged")
  void capturesLogs() {
    try (Canaries canaries = Canaries.plant()) {
      LoggerFactory.getLogger("dev.keyway.test").info("all fine");
      assertThatCode(canaries::assertLogsClean).doesNotThrowAnyException();

      LoggerFactory.getLogger("dev.keyway.test").info("oops {}", canaries.bodyKey());

      assertThat(canaries.logs()).contains("all fine");
      assertThatThrownBy(canaries::assertLogsClean)
          .hasMessageContaining("the log output holds the body-key canary");
    }
  }

  @Test
  @DisplayName("stops capturing when closed")
  void closes() {
    Canaries canaries = Canaries.plant();
    canaries.close();
    canaries.close();

    LoggerFactory.getLogger("dev.keyway.test").info("after {}", canaries.bodyKey());

    assertThat(canaries.logs()).isEmpty();
  }
}
