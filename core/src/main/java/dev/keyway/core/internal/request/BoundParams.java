package dev.keyway.core.internal.request;

/**
 * The values of one call's parameters after binding, indexed by {@link EffectiveParam#index()}: an
 * absent optional parameter is {@code null} everywhere.
 */
final class BoundParams {

  private final Object[] values;
  private final String[] texts;
  private final String[] segments;

  BoundParams(Object[] values, String[] texts, String[] segments) {
    this.values = values;
    this.texts = texts;
    this.segments = segments;
  }

  /**
   * Returns the value: a {@code String} (also for configured values), {@code Number} or {@code
   * Boolean}.
   */
  Object value(int index) {
    return values[index];
  }

  /** Returns the value as text (a number in JSON number form), or {@code null} when absent. */
  String text(int index) {
    return texts[index];
  }

  /** Returns a path parameter's value as one percent-encoded segment. */
  String segment(int index) {
    return segments[index];
  }
}
