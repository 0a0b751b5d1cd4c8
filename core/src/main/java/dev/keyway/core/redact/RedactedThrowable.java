package dev.keyway.core.redact;

/**
 * A copy of a throwable whose message held a secret value: the same class name (in {@link
 * #toString()}), stack trace, causes and suppressed throwables, with every value masked. Logging
 * backends print it like the original; only a backend that prints the class itself (not {@code
 * toString()}) shows this class's name instead.
 */
final class RedactedThrowable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String shown;

  /** Creates a copy without a cause yet; the caller sets it with {@link #initCause}. */
  RedactedThrowable(String shown, String message) {
    super(message);
    this.shown = shown;
  }

  @Override
  public String toString() {
    return shown;
  }
}
