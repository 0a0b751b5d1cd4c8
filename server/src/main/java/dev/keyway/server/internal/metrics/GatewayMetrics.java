package dev.keyway.server.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The gateway's meters. Labels are configured collection and call ids (or {@code unknown}), status
 * classes and fixed reasons: never a parameter value, a caller-supplied path or a user id, so their
 * number stays bounded by the configuration.
 *
 * <ul>
 *   <li>{@code keyway_calls_total{collection, call, status}}: answers by status class ({@code 2xx}
 *       ... {@code 5xx}, or {@code cancelled} when the caller went away first).
 *   <li>{@code keyway_upstream_latency_seconds{collection, call}}: time until the upstream's
 *       response head arrived, as a histogram.
 *   <li>{@code keyway_caller_rejections_total{reason}}: requests refused before any upstream
 *       connection ({@code unauthenticated}, {@code forbidden}, {@code origin}, {@code
 *       rate-limited}).
 * </ul>
 */
public final class GatewayMetrics {

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one answer to a call; {@code status} 0 means the caller went away first. */
  public void call(String collection, String call, int status) {
    Counter.builder("keyway.calls")
        .description("Calls answered by the gateway, by status class")
        .tag("collection", collection)
        .tag("call", call)
        .tag("status", status == 0 ? "cancelled" : (status / 100) + "xx")
        .register(registry)
        .increment();
  }

  /** Records how long the upstream took to send its response head. */
  public void upstreamLatency(String collection, String call, Duration latency) {
    Timer.builder("keyway.upstream.latency")
        .description("Time until the upstream's response head arrived")
        .tag("collection", collection)
        .tag("call", call)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(latency);
  }

  /** Counts a request refused before any upstream connection. */
  public void rejection(String reason) {
    Counter.builder("keyway.caller.rejections")
        .description("Requests refused before any upstream connection, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
