package dev.keyway.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An answer of the {@link Sandbox}: a status, extra header fields, a JSON body, and how long to
 * wait before sending it (a slow upstream; the wait never blocks the event loop).
 */
record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {

  private static final ObjectMapper JSON = new ObjectMapper();

  Reply {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(delay, "delay");
  }

  /** Returns a reply sent at once. */
  Reply(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, Duration.ZERO);
  }

  /** Returns this reply, sent after {@code wait}. */
  Reply delayed(Duration wait) {
    return new Reply(status, headers, body, wait);
  }

  /** Returns a reply with {@code value} written as JSON. */
  static Reply json(int status, Object value) {
    return json(status, Map.of(), value);
  }

  /** Returns a reply with extra {@code headers} and {@code value} written as JSON. */
  static Reply json(int status, Map<String, String> headers, Object value) {
    try {
      return new Reply(status, headers, JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the sandbox could not write its own JSON answer", e);
    }
  }

  /** Returns a reply with no body, e.g. for 204 and 304. */
  static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0]);
  }

  /** Returns the 404 for a path no route serves. */
  static Reply notFound() {
    return json(404, Map.of("error", "not found"));
  }
}
