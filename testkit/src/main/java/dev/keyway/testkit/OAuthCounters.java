package dev.keyway.testkit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the sandbox's authorization server was asked and answered. Thread-safe. */
final class OAuthCounters {

  private final AtomicInteger requests = new AtomicInteger();
  private final ConcurrentMap<String, AtomicInteger> byGrantType = new ConcurrentHashMap<>();
  private final AtomicInteger invalidGrants = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger reuses = new AtomicInteger();

  /** Counts a request to a token endpoint, by its {@code grant_type} (or {@code login}). */
  void request(String grantType) {
    requests.incrementAndGet();
    byGrantType.computeIfAbsent(grantType, unused -> new AtomicInteger()).incrementAndGet();
  }

  void invalidGrant() {
    invalidGrants.incrementAndGet();
  }

  void refresh() {
    refreshes.incrementAndGet();
  }

  void reuse() {
    reuses.incrementAndGet();
  }

  int requests() {
    return requests.get();
  }

  int requests(String grantType) {
    AtomicInteger count = byGrantType.get(grantType);
    return count == null ? 0 : count.get();
  }

  int invalidGrants() {
    return invalidGrants.get();
  }

  int refreshes() {
    return refreshes.get();
  }

  int reuses() {
    return reuses.get();
  }

  void reset() {
    requests.set(0);
    byGrantType.clear();
    invalidGrants.set(0);
    refreshes.set(0);
    reuses.set(0);
  }
}
