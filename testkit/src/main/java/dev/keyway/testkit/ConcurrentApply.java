package dev.keyway.testkit;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Applies an auth method to one request from many threads that start together, to bring out shared
 * mutable state in a plugin.
 */
final class ConcurrentApply {

  private ConcurrentApply() {}

  /** Returns what {@code threads} threads got from {@code appliesPerThread} applies each. */
  static List<AppliedRequest> run(
      AuthMethod method,
      OutboundRequest request,
      int threads,
      int appliesPerThread,
      Duration timeout)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      Callable<List<AppliedRequest>> worker =
          () -> {
            ready.countDown();
            go.await();
            List<AppliedRequest> results = new ArrayList<>();
            for (int i = 0; i < appliesPerThread; i++) {
              results.add(AppliedRequest.of(Completion.await(method.apply(request), timeout)));
            }
            return results;
          };
      List<Future<List<AppliedRequest>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(worker));
      }
      ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      go.countDown();
      List<AppliedRequest> results = new ArrayList<>();
      for (Future<List<AppliedRequest>> future : futures) {
        results.addAll(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
