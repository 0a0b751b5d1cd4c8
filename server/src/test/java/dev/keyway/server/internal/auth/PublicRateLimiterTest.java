package dev.keyway.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.server.internal.settings.RateLimit;
import dev.keyway.testkit.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PublicRateLimiter allows a burst per address, then refills evenly")
class PublicRateLimiterTest {

  private final FakeClock clock = new FakeClock();
  private final PublicRateLimiter limiter =
      new PublicRateLimiter(new RateLimit(2, Duration.ofSeconds(10)), clock);

  @Test
  @DisplayName("the burst passes, the next waits until one request's share has refilled")
  void burstThenWait() {
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(Duration.ofSeconds(5));

    clock.advance(Duration.ofSeconds(4));
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.acquire("10.0.0.1")).isZero();
  }

  @Test
  @DisplayName("each address has its own bucket")
  void perAddress() {
    limiter.acquire("10.0.0.1");
    limiter.acquire("10.0.0.1");

    assertThat(limiter.acquire("10.0.0.1")).isPositive();
    assertThat(limiter.acquire("10.0.0.2")).isZero();
  }

  @Test
  @DisplayName("a long pause refills the bucket to its size, not beyond")
  void capped() {
    clock.advance(Duration.ofHours(1));

    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isPositive();
  }
}
