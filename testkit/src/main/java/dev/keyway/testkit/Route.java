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

  /**
   * Returns the answer to {@code request}, which arrived over {@code scheme} ({@code http} or
   * {@code https}). A route that needs the URL the client used (an OAuth2 token endpoint checks
   * that an assertion's audience is its own URL) overrides this; the others ignore the scheme.
   */
  default Reply answer(RecordedRequest request, String scheme) {
    return answer(request);
  }
}
