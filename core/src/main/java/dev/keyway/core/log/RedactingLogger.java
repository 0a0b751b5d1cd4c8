package dev.keyway.core.log;

import dev.keyway.core.redact.Redactor;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LocationAwareLogger;

/**
 * An SLF4J logger that formats each message itself, masks every secret value the {@link Redactor}
 * knows in the result and in the throwable, and hands the finished text to the real logger. The
 * level checks go to the real logger first, so a disabled line costs no formatting.
 *
 * <p>When the real logger is location-aware (Logback, Log4j 2), the caller's location is kept.
 */
final class RedactingLogger extends AbstractLogger {

  private static final String SELF = RedactingLogger.class.getName();

  private final Logger delegate;
  private final Redactor redactor;

  RedactingLogger(Logger delegate, Redactor redactor) {
    this.delegate = delegate;
    this.redactor = redactor;
    this.name = delegate.getName();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return SELF;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
    String message = redactor.redact(MessageFormatter.basicArrayFormat(pattern, arguments));
    Throwable redacted = redactor.redact(thrown);
    if (delegate instanceof LocationAwareLogger located) {
      located.log(marker, SELF, level.toInt(), message, null, redacted);
      return;
    }
    // A literal message with a throwable: the backend does not look for {} in it again.
    switch (level) {
      case TRACE -> delegate.trace(marker, message, redacted);
      case DEBUG -> delegate.debug(marker, message, redacted);
      case INFO -> delegate.info(marker, message, redacted);
      case WARN -> delegate.warn(marker, message, redacted);
      case ERROR -> delegate.error(marker, message, redacted);
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return delegate.isTraceEnabled(marker);
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return delegate.isDebugEnabled(marker);
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate.isInfoEnabled();
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return delegate.isInfoEnabled(marker);
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate.isWarnEnabled();
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return delegate.isWarnEnabled(marker);
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate.isErrorEnabled();
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return delegate.isErrorEnabled(marker);
  }

  @Override
  public String toString() {
    return "RedactingLogger[" + name + "]";
  }
}
