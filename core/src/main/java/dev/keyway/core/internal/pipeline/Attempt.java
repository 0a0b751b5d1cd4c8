package dev.keyway.core.internal.pipeline;

/**
 * What one streamed exchange ended with: an item of the caller's handler, or a request to send once
 * more (the response was discarded and its body drained).
 */
record Attempt<T>(T item) {

  private static final Attempt<?> RETRY = new Attempt<>(null);

  static <T> Attempt<T> of(T item) {
    return new Attempt<>(java.util.Objects.requireNonNull(item, "item"));
  }

  // RETRY holds no T, so it is one for any T.
  @SuppressWarnings("unchecked")
  static <T> Attempt<T> retry() {
    return (Attempt<T>) RETRY;
  }

  boolean isRetry() {
    return item == null;
  }
}
