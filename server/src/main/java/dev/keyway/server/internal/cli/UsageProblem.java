package dev.keyway.server.internal.cli;

/** A mistake in a command line that picocli cannot see, reported like its own usage errors. */
final class UsageProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageProblem(String message) {
    super(message, null, false, false);
  }
}
