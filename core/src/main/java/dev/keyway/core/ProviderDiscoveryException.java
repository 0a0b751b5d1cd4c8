package dev.keyway.core;

import java.util.List;

/**
 * Thrown when the auth providers on the class path cannot be used together: one failed to load, two
 * claim the same type, or one was built for an API version this core does not support. It lists
 * every such problem, each naming the provider class.
 */
public final class ProviderDiscoveryException extends KeywayException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ProviderDiscoveryException(List<String> problems) {
    super("auth providers cannot be used:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, one line each. */
  public List<String> problems() {
    return problems;
  }
}
