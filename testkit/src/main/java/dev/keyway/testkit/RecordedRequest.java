package dev.keyway.testkit;

import dev.keyway.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Sandbox} received, exactly: the method, the path and query as they were on the
 * wire, the query decoded, every header field and the whole body.
 *
 * <p>{@link #toString()} shows the method, path, query and header names and the body size, never a
 * query value, a header value or the body: they are what a credential check looks at.
 */
public record RecordedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> query,
    Headers headers,
    byte[] body) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    query.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    query = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  /** Returns a copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Returns the first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** Returns the first decoded value of query parameter {@code name}. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedRequest that
        && method.equals(that.method)
        && rawPath.equals(that.rawPath)
        && rawQuery.equals(that.rawQuery)
        && query.equals(that.query)
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, rawPath, rawQuery, query, headers) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    String names = query.isEmpty() ? "" : "?" + String.join("&", query.keySet());
    return "RecordedRequest["
        + method
        + " "
        + rawPath
        + names
        + ", "
        + headers
        + ", "
        + body.length
        + " bytes]";
  }
}
