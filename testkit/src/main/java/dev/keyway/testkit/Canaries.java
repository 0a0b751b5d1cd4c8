package dev.keyway.testkit;

import dev.keyway.core.ApiResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Plants unique, recognisable secret values (canaries) — one per kind of credential — and fails a
 * test that finds any of them where no secret may be: in log output, a response, an error body, an
 * exception, metrics text. From {@link #plant()} on, everything logged is captured (with {@link
 * LogCapture}) until {@link #close()}.
 *
 * <pre>{@code
 * try (Canaries canaries = Canaries.plant();
 *     Sandbox sandbox = Sandbox.builder().headerKey("X-Api-Key", canaries.headerKey()).start()) {
 *   ApiResponse response = keyway.call("api", "echo", Map.of()).toCompletableFuture().join();
 *   canaries.assertNotIn(response);
 *   canaries.assertNotIn("the metrics", scrape("/metrics"));
 *   canaries.assertLogsClean();
 * }
 * }</pre>
 *
 * <p>Each canary is {@code canary-<kind>-} followed by 32 random URL-safe characters, so it needs
 * no encoding in a header, a query or JSON. A canary is found whole, or as any 16 characters of its
 * random part (a truncated leak), and the Basic password also as the base64 of {@code
 * user:password}, as an {@code Authorization} header carries it. A failure names the kind and where
 * it was found, and shows the text around it with every canary replaced by {@code <CANARY:kind>}.
 *
 * <p>Thread-safe; close it (try-with-resources) to stop capturing.
 */
public final class Canaries implements AutoCloseable {

  private static final int FRAGMENT = 16;
  private static final int CONTEXT = 60;

  private final Map<String, String> values;
  private final Map<String, String> needles; // text to look for -> kind
  private final String basicUsername;
  private final LogCapture logs;

  private Canaries() {
    Map<String, String> planted = new LinkedHashMap<>();
    for (String kind :
        new String[] {
          "header-key",
          "query-key",
          "body-key",
          "basic-password",
          "client-secret",
          "access-token",
          "refresh-token"
        }) {
      planted.put(kind, "canary-" + kind + "-" + Credentials.random());
    }
    values = Collections.unmodifiableMap(planted);
    basicUsername = "canary-user-" + Credentials.random().substring(0, 8);
    needles = new LinkedHashMap<>();
    planted.forEach(
        (kind, value) -> {
          needles.put(value, kind);
          String random = value.substring(value.length() - 32);
          for (int i = 0; i + FRAGMENT <= random.length(); i++) {
            needles.putIfAbsent(random.substring(i, i + FRAGMENT), kind + " (a part of it)");
          }
        });
    needles.put(basicCredentials(), "basic-password (base64 of user:password)");
    logs = LogCapture.start();
  }

  /** Plants a new set of canaries and starts capturing log output. */
  public static Canaries plant() {
    return new Canaries();
  }

  /** Returns the canary for an API key sent in a header. */
  public String headerKey() {
    return values.get("header-key");
  }

  /** Returns the canary for an API key sent in the query. */
  public String queryKey() {
    return values.get("query-key");
  }

  /** Returns the canary for an API key sent in the body. */
  public String bodyKey() {
    return values.get("body-key");
  }

  /** Returns a user-id to go with {@link #basicPassword()}; it is not a secret. */
  public String basicUsername() {
    return basicUsername;
  }

  /** Returns the canary for a Basic password. */
  public String basicPassword() {
    return values.get("basic-password");
  }

  /** Returns the canary for an OAuth client secret. */
  public String clientSecret() {
    return values.get("client-secret");
  }

  /** Returns the canary for an access token. */
  public String accessToken() {
    return values.get("access-token");
  }

  /** Returns the canary for a refresh token. */
  public String refreshToken() {
    return values.get("refresh-token");
  }

  /** Returns every canary by kind ({@code header-key}, {@code query-key}, ...). */
  public Map<String, String> values() {
    return values;
  }

  /** Returns what was logged since {@link #plant()}. */
  public String logs() {
    return logs.text();
  }

  /**
   * Fails if {@code text}, described by {@code where} ("the response body", "the metrics"), holds a
   * canary.
   */
  public Canaries assertNotIn(String where, String text) {
    Objects.requireNonNull(where, "where");
    if (text == null) {
      return this;
    }
    for (Map.Entry<String, String> needle : needles.entrySet()) {
      int at = text.indexOf(needle.getKey());
      if (at >= 0) {
        throw new AssertionError(
            where
                + " holds the "
                + needle.getValue()
                + " canary, shown here as <CANARY:...>:\n  ..."
                + shown(text, at, at + needle.getKey().length())
                + "...");
      }
    }
    return this;
  }

  /** Fails if {@code bytes}, read as UTF-8, hold a canary. */
  public Canaries assertNotIn(String where, byte[] bytes) {
    return assertNotIn(where, new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * Fails if the message, stack trace, causes or suppressed throwables of {@code thrown} hold one.
   */
  public Canaries assertNotIn(String where, Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return assertNotIn(where, trace.toString());
  }

  /** Fails if the header fields or the body of {@code response} hold a canary. */
  public Canaries assertNotIn(ApiResponse response) {
    StringBuilder headers = new StringBuilder();
    response.headers().entries().forEach(field -> headers.append(field).append('\n'));
    assertNotIn("the response headers (status " + response.status() + ")", headers.toString());
    return assertNotIn("the response body (status " + response.status() + ")", response.body());
  }

  /** Fails if anything logged since {@link #plant()} holds a canary. */
  public Canaries assertLogsClean() {
    return assertNotIn("the log output", logs.text());
  }

  /** Stops capturing log output. Calling it again does nothing. */
  @Override
  public void close() {
    logs.close();
  }

  private String basicCredentials() {
    return Base64.getEncoder()
        .encodeToString((basicUsername + ":" + basicPassword()).getBytes(StandardCharsets.UTF_8));
  }

  private String shown(String text, int start, int end) {
    String around =
        text.substring(Math.max(0, start - CONTEXT), Math.min(text.length(), end + CONTEXT));
    for (Map.Entry<String, String> needle : needles.entrySet()) {
      around = around.replace(needle.getKey(), "<CANARY:" + needle.getValue() + ">");
    }
    return around;
  }

  @Override
  public String toString() {
    return "Canaries[" + String.join(", ", values.keySet()) + "]";
  }
}
