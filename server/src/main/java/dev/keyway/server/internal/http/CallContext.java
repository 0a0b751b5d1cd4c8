package dev.keyway.server.internal.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway knows about one request while it runs, for its log line and metrics: the
 * correlation id, the method, the collection and call (as metric labels: {@code unknown} unless
 * configured), the caller's id, the status sent, and the header fields every answer carries
 * (correlation id, CORS). Used by one request at a time; fields are volatile because the steps of a
 * request may run on different threads.
 */
final class CallContext {

  static final String UNKNOWN = "unknown";

  private final String correlationId;
  private final String method;
  private final long startNanos = System.nanoTime();
  private final Map<String, String> baseHeaders = new LinkedHashMap<>();
  private volatile String collection = UNKNOWN;
  private volatile String call = UNKNOWN;
  private volatile String caller = "-";
  private volatile int status;

  CallContext(String correlationId, String method) {
    this.correlationId = correlationId;
    this.method = method;
    baseHeaders.put(CorrelationIds.HEADER, correlationId);
  }

  String correlationId() {
    return correlationId;
  }

  String method() {
    return method;
  }

  long startNanos() {
    return startNanos;
  }

  /** Sets the labels, once the call is known to be configured. */
  void target(String collectionId, String callId) {
    this.collection = collectionId;
    this.call = callId;
  }

  String collection() {
    return collection;
  }

  String call() {
    return call;
  }

  void caller(String id) {
    this.caller = id;
  }

  String caller() {
    return caller;
  }

  void status(int sent) {
    this.status = sent;
  }

  /** Returns the status sent, or 0 when none was. */
  int status() {
    return status;
  }

  /** Adds a header field that every answer to this request carries. */
  synchronized void baseHeader(String name, String value) {
    baseHeaders.put(name, value);
  }

  /** Writes the fields every answer carries into {@code headers}. */
  synchronized void writeBaseHeaders(HttpHeaders headers) {
    baseHeaders.forEach(headers::set);
  }
}
