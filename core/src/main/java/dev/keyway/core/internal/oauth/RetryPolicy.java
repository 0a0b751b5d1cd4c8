package dev.keyway.core.internal.oauth;

import dev.keyway.spi.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed token request again: up to {@code maxRetries} times, after a delay drawn at
 * random between zero and an exponentially growing ceiling ("full jitter", so many nodes that
 * failed together do not retry together), or after the server's {@code Retry-After} when it sends
 * one no longer than {@code maxRetryAfter}. A longer {@code Retry-After} ends the retries: waiting
 * that long would outlast the caller.
 */
record RetryPolicy(int maxRetries, Duration base, Duration maxRetryAfter) {

  /** Two retries, a 200 ms base, and a {@code Retry-After} of at most 10 seconds. */
  static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(10));

  /**
   * Returns how long to wait before retry number {@code retry} (0 for the first), given the failed
   * answer's header fields (empty when there was no answer), or empty to stop retrying.
   */
  Optional<Duration> delay(long retry, Optional<Headers> headers, Clock clock) {
    if (retry >= maxRetries) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter =
        headers.flatMap(fields -> fields.first("Retry-After")).flatMap(v -> retryAfter(v, clock));
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxRetryAfter) <= 0 ? retryAfter : Optional.empty();
    }
    long ceiling = base.toMillis() << Math.min(retry, 16);
    return Optional.of(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1)));
  }

  /** Reads {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
  static Optional<Duration> retryAfter(String value, Clock clock) {
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
