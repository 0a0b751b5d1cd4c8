package dev.keyway.server.internal.auth;

import dev.keyway.server.internal.settings.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the public calls of each client address with a token bucket: {@code requests} at once,
 * refilled evenly over {@code per}. Addresses whose bucket is full again are forgotten when many
 * are tracked, so memory stays bounded. Thread-safe; time comes from the injected clock.
 */
public final class PublicRateLimiter {

  private static final int TRACKED_BEFORE_CLEANUP = 50_000;

  private final double capacity;
  private final double tokensPerMilli;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public PublicRateLimiter(RateLimit limit, Clock clock) {
    this.capacity = limit.requests();
    this.tokensPerMilli = limit.requests() / (double) Math.max(1, limit.per().toMillis());
    this.clock = clock;
  }

  /**
   * Takes one request from {@code address}'s bucket; returns zero when it may go ahead, else how
   * long until it may (at least one second, for {@code Retry-After}).
   */
  public Duration acquire(String address) {
    long now = clock.millis();
    if (buckets.size() > TRACKED_BEFORE_CLEANUP) {
      buckets.values().removeIf(bucket -> bucket.refill(now, this).tokens() >= capacity);
    }
    Bucket bucket =
        buckets.compute(
            address,
            (key, old) -> (old == null ? new Bucket(capacity, now, false) : old).take(now, this));
    if (bucket.granted()) {
      return Duration.ZERO;
    }
    double missing = 1 - bucket.tokens();
    long waitMillis = (long) Math.ceil(missing / tokensPerMilli);
    return Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000));
  }

  /** A bucket at one instant, and whether the last request was granted. */
  private record Bucket(double tokens, long atMillis, boolean granted) {

    Bucket refill(long now, PublicRateLimiter limiter) {
      long elapsed = Math.max(0, now - atMillis);
      double filled = Math.min(limiter.capacity, tokens + elapsed * limiter.tokensPerMilli);
      return new Bucket(filled, Math.max(now, atMillis), granted);
    }

    Bucket take(long now, PublicRateLimiter limiter) {
      Bucket filled = refill(now, limiter);
      return filled.tokens >= 1
          ? new Bucket(filled.tokens - 1, filled.atMillis, true)
          : new Bucket(filled.tokens, filled.atMillis, false);
    }
  }
}
