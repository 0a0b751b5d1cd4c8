package dev.keyway.core.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.spi.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final RetryPolicy POLICY =
      new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(10));

  private static Optional<Headers> retryAfter(String value) {
    return Optional.of(Headers.of(Map.of("Retry-After", value)));
  }

  @RepeatedTest(20)
  @DisplayName("backs off with full jitter under an exponential ceiling")
  void jitter() {
    assertThat(POLICY.delay(0, Optional.empty(), CLOCK).orElseThrow())
        .isBetween(Duration.ZERO, Duration.ofMillis(200));
    assertThat(POLICY.delay(1, Optional.empty(), CLOCK).orElseThrow())
        .isBetween(Duration.ZERO, Duration.ofMillis(400));
  }

  @Test
  @DisplayName("stops after the last retry")
  void bounded() {
    assertThat(POLICY.delay(2, Optional.empty(), CLOCK)).isEmpty();
  }

  @Test
  @DisplayName("honours Retry-After in seconds and as an HTTP date, up to the cap")
  void retryAfterHeader() {
    assertThat(POLICY.delay(0, retryAfter("3"), CLOCK)).contains(Duration.ofSeconds(3));
    assertThat(POLICY.delay(0, retryAfter("Thu, 01 Jan 2026 00:00:05 GMT"), CLOCK))
        .contains(Duration.ofSeconds(5));
    assertThat(POLICY.delay(0, retryAfter("11"), CLOCK)).as("beyond the cap").isEmpty();
  }

  @Test
  @DisplayName("ignores a Retry-After it cannot read, and a date in the past means now")
  void oddRetryAfter() {
    assertThat(POLICY.delay(0, retryAfter("soon"), CLOCK).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofMillis(200));
    assertThat(POLICY.delay(0, retryAfter("Wed, 31 Dec 2025 23:00:00 GMT"), CLOCK))
        .contains(Duration.ZERO);
  }
}
