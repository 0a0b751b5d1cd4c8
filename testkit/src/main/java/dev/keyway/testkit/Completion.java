package dev.keyway.testkit;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for asynchronous results in tests. */
final class Completion {

  private Completion() {}

  /**
   * Waits up to {@code timeout} for {@code stage} and returns its value; rethrows its failure as it
   * is, not wrapped, so a test sees the exception Keyway or the plugin raised.
   */
  static <T> T await(CompletionStage<T> stage, Duration timeout) throws Exception {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("no result within " + timeout.toSeconds() + " seconds", e);
    }
  }
}
