package dev.keyway.testkit;

import java.util.ArrayList;
import java.util.List;

/** Keeps who called the sandbox's HTTPS listeners, in arrival order. Thread-safe. */
final class CallerLog {

  private final List<TlsCaller> callers = new ArrayList<>();

  synchronized void add(TlsCaller caller) {
    callers.add(caller);
  }

  synchronized List<TlsCaller> snapshot() {
    return List.copyOf(callers);
  }

  synchronized void clear() {
    callers.clear();
  }
}
