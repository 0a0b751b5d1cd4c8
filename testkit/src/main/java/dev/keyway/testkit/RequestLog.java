package dev.keyway.testkit;

import java.util.ArrayList;
import java.util.List;

/** Keeps every request the {@link Sandbox} received, in arrival order. Thread-safe. */
final class RequestLog {

  private final List<RecordedRequest> requests = new ArrayList<>();

  synchronized void add(RecordedRequest request) {
    requests.add(request);
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(requests);
  }

  synchronized int size() {
    return requests.size();
  }

  synchronized void clear() {
    requests.clear();
  }
}
