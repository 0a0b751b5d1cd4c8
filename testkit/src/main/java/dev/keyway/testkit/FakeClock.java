package dev.keyway.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so expiry and refresh are tested without
 * sleeping:
 *
 * <pre>{@code
 * FakeClock clock = new FakeClock();
 * Keyway keyway = Keyway.builder().clock(clock)...build();
 * clock.advance(Duration.ofMinutes(59)); // the token is now about to expire
 * }</pre>
 *
 * <p>Its zone is UTC. Thread-safe: every reader sees the latest {@link #advance} or {@link #set}.
 */
public final class FakeClock extends Clock {

  /** Where a new clock starts unless told otherwise: 2025-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;

  /** Creates a clock at {@link #DEFAULT_START}. */
  public FakeClock() {
    this(DEFAULT_START);
  }

  /** Creates a clock at {@code start}. */
  public FakeClock(Instant start) {
    now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * Moves the clock forward by {@code duration} and returns the new instant.
   *
   * @throws IllegalArgumentException if {@code duration} is negative; use {@link #set} to go back
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock advances by a positive duration; use set()");
    }
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  /** Sets the clock to {@code instant}, forward or back. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Returns a view of this clock in {@code zone}: it moves whenever this clock moves. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : new ZonedView(this, zone);
  }

  @Override
  public String toString() {
    return "FakeClock[" + now.get() + "]";
  }

  /** This clock seen in another zone. */
  private static final class ZonedView extends Clock {

    private final FakeClock clock;
    private final ZoneId zone;

    ZonedView(FakeClock clock, ZoneId zone) {
      this.clock = clock;
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant instant() {
      return clock.instant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return clock.withZone(other);
    }

    @Override
    public String toString() {
      return clock + " in " + zone;
    }
  }
}
