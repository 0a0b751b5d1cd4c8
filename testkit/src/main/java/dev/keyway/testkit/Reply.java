package dev.keyway.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** An answer of the {@link Sandbox}: a status, extra header fields and a JSON body. */
record Reply(int status, Map<String, String> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  Reply {
    headers = Map.copyOf(headers);
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
