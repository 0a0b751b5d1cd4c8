package dev.keyway.core.config;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading one setting: found, absent, absent in the active environment only, or
 * invalid (a problem was already recorded, so callers must not add "required" on top of it).
 */
final class Lookup<T> {

  /** Why a setting has or has no value. */
  enum State {
    FOUND,
    ABSENT,
    ABSENT_IN_ENVIRONMENT,
    INVALID
  }

  private static final Lookup<?> ABSENT = new Lookup<>(State.ABSENT, null);
  private static final Lookup<?> ABSENT_IN_ENVIRONMENT =
      new Lookup<>(State.ABSENT_IN_ENVIRONMENT, null);
  private static final Lookup<?> INVALID = new Lookup<>(State.INVALID, null);

  private final State state;
  private final T value;

  private Lookup(State state, T value) {
    this.state = state;
    this.value = value;
  }

  static <T> Lookup<T> found(T value) {
    return new Lookup<>(State.FOUND, value);
  }

  static <T> Lookup<T> absent() {
    return cast(ABSENT);
  }

  static <T> Lookup<T> absentInEnvironment() {
    return cast(ABSENT_IN_ENVIRONMENT);
  }

  static <T> Lookup<T> invalid() {
    return cast(INVALID);
  }

  State state() {
    return state;
  }

  /** Returns the value when found. */
  Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** Applies {@code next} to a found value; any other outcome passes through unchanged. */
  <R> Lookup<R> then(Function<T, Lookup<R>> next) {
    return state == State.FOUND ? next.apply(value) : cast(this);
  }

  /**
   * Returns the value, recording "required" (or "required in environment live") at {@code path}
   * when it is absent.
   */
  Optional<T> require(ConfigProblems problems, String path, Environment environment) {
    if (state == State.ABSENT) {
      problems.add(path, "required");
    } else if (state == State.ABSENT_IN_ENVIRONMENT) {
      problems.add(path, "required in environment " + environment.configName());
    }
    return value();
  }

  // Only value-less outcomes are cast: they hold no T, so any T is safe.
  @SuppressWarnings("unchecked")
  private static <T> Lookup<T> cast(Lookup<?> valueless) {
    return (Lookup<T>) valueless;
  }
}
