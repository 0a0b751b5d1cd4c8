package dev.keyway.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns that a configured token is about to expire, and once it has: each warning is logged once
 * per collection (through {@link System.Logger}, as a plugin depends on the JDK only), naming the
 * config path and the time, never the token. Checking costs one clock read and two comparisons.
 * Thread-safe.
 */
final class ExpiryWarnings {

  /** How long before {@code exp} the warning starts. */
  static final Duration WARN_BEFORE = Duration.ofDays(7);

  private static final System.Logger LOG = System.getLogger(JwtStaticProvider.class.getName());

  private final String path;
  private final Clock clock;
  private final Instant expiresAt;
  private final long warnAtMillis;
  private final long expiresAtMillis;
  private final AtomicBoolean warnedSoon = new AtomicBoolean();
  private final AtomicBoolean warnedExpired = new AtomicBoolean();

  ExpiryWarnings(String path, Clock clock, Instant expiresAt) {
    this.path = path;
    this.clock = clock;
    this.expiresAt = expiresAt;
    this.expiresAtMillis = expiresAt.toEpochMilli();
    this.warnAtMillis = expiresAt.minus(WARN_BEFORE).toEpochMilli();
  }

  /** Logs a warning if the token expires soon or has expired, and it was not logged yet. */
  void check() {
    long now = clock.millis();
    if (now < warnAtMillis) {
      return;
    }
    if (now >= expiresAtMillis) {
      if (warnedExpired.compareAndSet(false, true)) {
        LOG.log(
            System.Logger.Level.WARNING,
            path
                + ": the token expired at "
                + expiresAt
                + "; the upstream will refuse it, so"
                + " configure a new one");
      }
    } else if (warnedSoon.compareAndSet(false, true)) {
      long hours = Duration.between(Instant.ofEpochMilli(now), expiresAt).toHours();
      LOG.log(
          System.Logger.Level.WARNING,
          path
              + ": the token expires at "
              + expiresAt
              + (hours < 48 ? ", in " + hours + " hours" : ", in " + hours / 24 + " days")
              + "; configure a new one before then");
    }
  }
}
