package dev.keyway.testkit;

import dev.keyway.spi.OutboundRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an auth method made of a request: method, full URI, header fields and body bytes, compared
 * by value. {@link #toString()} names the parts but shows no value: they hold credentials.
 */
record AppliedRequest(
    String method, URI uri, List<Map.Entry<String, String>> headers, ByteBuffer body) {

  static AppliedRequest of(OutboundRequest request) {
    return new AppliedRequest(
        request.method(),
        request.uri(),
        List.copyOf(request.headers().entries()),
        ByteBuffer.wrap(request.body().bytes()).asReadOnlyBuffer());
  }

  /** Returns the names of the parts that differ from {@code other}: method, uri, headers, body. */
  List<String> differences(AppliedRequest other) {
    List<String> parts = new ArrayList<>();
    if (!method.equals(other.method)) {
      parts.add("method");
    }
    if (!uri.equals(other.uri)) {
      parts.add("uri (path or query)");
    }
    if (!headers.equals(other.headers)) {
      parts.add("headers");
    }
    if (!body.equals(other.body)) {
      parts.add("body");
    }
    return parts;
  }

  @Override
  public String toString() {
    return "AppliedRequest["
        + method
        + ", "
        + headers.size()
        + " headers, "
        + body.remaining()
        + " body bytes]";
  }
}
