package dev.keyway.server.internal.settings;

import java.time.Duration;

/**
 * The {@code server:} section: where the gateway and its admin endpoints listen, its limits, the
 * rate limit of public calls, and how long a shutdown waits for calls in flight.
 */
public record ServerSettings(
    String host,
    int port,
    String adminHost,
    int adminPort,
    Limits limits,
    RateLimit publicRateLimit,
    Duration shutdownTimeout) {

  /** Every address on port 8080; admin on 127.0.0.1:9090; default limits; 30 s to shut down. */
  public static final ServerSettings DEFAULT =
      new ServerSettings(
          "0.0.0.0",
          8080,
          "127.0.0.1",
          9090,
          Limits.DEFAULT,
          RateLimit.DEFAULT,
          Duration.ofSeconds(30));

  /** Returns a copy listening on {@code newHost} and {@code newPort}. */
  public ServerSettings withListener(String newHost, int newPort) {
    return new ServerSettings(
        newHost, newPort, adminHost, adminPort, limits, publicRateLimit, shutdownTimeout);
  }

  /** Returns a copy whose admin endpoints listen on {@code newHost} and {@code newPort}. */
  public ServerSettings withAdminListener(String newHost, int newPort) {
    return new ServerSettings(
        host, port, newHost, newPort, limits, publicRateLimit, shutdownTimeout);
  }
}
