package dev.keyway.core;

/**
 * Thrown when the upstream could not be reached, did not answer in time, or sent more than allowed.
 * The message names the collection and call, never the URL's query or a header value.
 */
public final class UpstreamException extends KeywayException {

  private static final long serialVersionUID = 1L;

  /** What went wrong; a gateway answers 502, except 504 for {@link #TIMEOUT}. */
  public enum Kind {
    UNREACHABLE,
    TIMEOUT,
    TOO_LARGE,
    AUTH_FAILED
  }

  private final Kind kind;

  public UpstreamException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }
}
