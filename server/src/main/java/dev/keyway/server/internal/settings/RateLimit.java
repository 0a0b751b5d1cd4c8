package dev.keyway.server.internal.settings;

import java.time.Duration;

/** At most {@code requests} per client address in any window of {@code per}. */
public record RateLimit(int requests, Duration per) {

  /** 60 requests a minute. */
  public static final RateLimit DEFAULT = new RateLimit(60, Duration.ofMinutes(1));
}
