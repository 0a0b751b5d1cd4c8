package dev.keyway.testkit;

import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The public keys trusted to sign assertions, by issuer (or client id). Thread-safe. */
final class TrustedKeys {

  private final ConcurrentMap<String, List<PublicKey>> keys = new ConcurrentHashMap<>();

  /** Trusts {@code key} for assertions issued by {@code issuer}. */
  void trust(String issuer, PublicKey key) {
    keys.computeIfAbsent(issuer, unused -> new CopyOnWriteArrayList<>()).add(key);
  }

  /** Returns the keys trusted for {@code issuer}; none for an unknown one. */
  List<PublicKey> of(String issuer) {
    return List.copyOf(keys.getOrDefault(issuer, List.of()));
  }
}
