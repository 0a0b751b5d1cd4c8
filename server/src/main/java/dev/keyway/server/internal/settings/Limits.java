package dev.keyway.server.internal.settings;

import java.time.Duration;

/**
 * How much the gateway accepts and waits for: the largest request and response bodies, the largest
 * request head (request line and header fields), how long a keep-alive connection may stay idle,
 * and how long a client may pause between two reads of one request.
 */
public record Limits(
    int requestBodyBytes,
    long responseBodyBytes,
    int headerBytes,
    Duration idleTimeout,
    Duration readTimeout) {

  /** 1 MiB requests, 16 MiB responses, 16 KiB of header, 60 s idle, 30 s between reads. */
  public static final Limits DEFAULT =
      new Limits(1 << 20, 16L << 20, 16 << 10, Duration.ofSeconds(60), Duration.ofSeconds(30));
}
