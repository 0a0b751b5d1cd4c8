package dev.keyway.server.internal.http;

/** Ends a request early with a {@link Problem}; carries no stack trace. */
final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ProblemException(Problem problem) {
    super(problem.title(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
