package dev.keyway.core.config;

import java.time.Duration;
import java.util.Objects;

/** How long to wait for an upstream: to connect, and for the whole response to start. */
public record Timeouts(Duration connect, Duration response) {

  /** Connect within 5 seconds; the response head within 30 seconds. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(response, "response");
  }
}
