package dev.keyway.testkit;

/**
 * Answers the requests under one path prefix of the {@link Sandbox}: {@code prefix} itself and
 * every path below {@code prefix + "/"}. Implementations are immutable and never block.
 */
interface Route {

  /** Returns the path prefix, e.g. {@code /echo}. */
  String prefix();

  /** Returns the answer to {@code request}, which is already recorded. */
  Reply answer(RecordedRequest request);
}
