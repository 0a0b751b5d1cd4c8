package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakeClock")
class FakeClockTest {

  @Test
  @DisplayName("stands still at 2025-01-01T00:00:00Z in UTC unless told otherwise")
  void defaultStart() {
    FakeClock clock = new FakeClock();

    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(clock.instant());
    assertThat(clock.millis()).isEqualTo(FakeClock.DEFAULT_START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  @DisplayName("starts at the given instant")
  void givenStart() {
    Instant start = Instant.parse("2030-06-01T12:00:00Z");

    assertThat(new FakeClock(start).instant()).isEqualTo(start);
    assertThatThrownBy(() -> new FakeClock(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("advances by a duration and returns the new instant")
  void advances() {
    FakeClock clock = new FakeClock();

    Instant later = clock.advance(Duration.ofMinutes(59));

    assertThat(later).isEqualTo(FakeClock.DEFAULT_START.plus(Duration.ofMinutes(59)));
    assertThat(clock.instant()).isEqualTo(later);
    assertThat(clock.advance(Duration.ZERO)).isEqualTo(later);
  }

  @Test
  @DisplayName("refuses to advance by a negative duration")
  void refusesNegative() {
    FakeClock clock = new FakeClock();

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set()");
    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START);
  }

  @Test
  @DisplayName("is set forward or back")
  void sets() {
    FakeClock clock = new FakeClock();
    Instant past = Instant.parse("2000-01-01T00:00:00Z");

    clock.set(past);

    assertThat(clock.instant()).isEqualTo(past);
    assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("gives a view in another zone that moves with it")
  void zonedView() {
    FakeClock clock = new FakeClock();
    ZoneId oslo = ZoneId.of("Europe/Oslo");

    Clock view = clock.withZone(oslo);
    clock.advance(Duration.ofHours(1));

    assertThat(view.getZone()).isEqualTo(oslo);
    assertThat(view.instant()).isEqualTo(clock.instant());
    assertThat(view.withZone(ZoneOffset.UTC)).isSameAs(clock);
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    assertThat(view.toString()).contains("Europe/Oslo");
  }

  @Test
  @DisplayName("loses no advance made from many threads at once")
  void threadSafe() throws Exception {
    FakeClock clock = new FakeClock();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofMillis(1));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START.plusMillis(8000));
  }

  @Test
  @DisplayName("shows its instant in toString")
  void describes() {
    assertThat(new FakeClock()).hasToString("FakeClock[2025-01-01T00:00:00Z]");
  }
}
