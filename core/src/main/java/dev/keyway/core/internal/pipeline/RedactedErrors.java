package dev.keyway.core.internal.pipeline;

import dev.keyway.core.KeywayException;
import dev.keyway.core.UpstreamException;
import dev.keyway.core.redact.Redactor;

/**
 * Masks known secret values in the errors a call ends with. Keyway's own messages never hold one,
 * but a cause may: a plugin's exception, or a library's that quotes a URL. A Keyway exception keeps
 * its type and message and gets a redacted copy of its cause; any other throwable is replaced by a
 * redacted copy ({@link Redactor#redact(Throwable)}). The other Keyway exceptions carry no cause.
 */
final class RedactedErrors {

  private RedactedErrors() {}

  static Throwable redact(Throwable error) {
    Redactor redactor = Redactor.global();
    if (!(error instanceof KeywayException keyway)) {
      return redactor.redact(error);
    }
    boolean rebuildable =
        keyway instanceof UpstreamException || keyway.getClass() == KeywayException.class;
    if (!rebuildable) {
      return error; // messages of Keyway's own, and no foreign cause
    }
    Throwable cause = error.getCause();
    Throwable redactedCause = redactor.redact(cause);
    if (redactedCause == cause && !redactor.holdsSecret(error.getMessage())) {
      return error;
    }
    KeywayException copy =
        keyway instanceof UpstreamException upstream
            ? new UpstreamException(
                upstream.kind(), redactor.redact(upstream.getMessage()), redactedCause)
            : new KeywayException(redactor.redact(keyway.getMessage()), redactedCause);
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }
}
