package dev.keyway.core.log;

import dev.keyway.core.redact.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns the SLF4J loggers every Keyway class logs with, instead of {@link LoggerFactory}: each
 * message, argument and throwable passes through {@link Redactor#global()} before the logging
 * backend sees it, so a secret value or an issued token is masked whatever backend is bound.
 *
 * <pre>{@code
 * private static final Logger LOG = KeywayLoggers.getLogger(ConfigLoader.class);
 * }</pre>
 *
 * <p>SLF4J has no process-wide message hook, so only what is logged through these loggers is
 * rewritten; what third-party libraries (Netty, Reactor, Guice) log is not, which is why Keyway
 * never hands them a secret where they might log it. The fluent API ({@code atInfo()...}) of these
 * loggers is redacted too.
 */
public final class KeywayLoggers {

  private KeywayLoggers() {}

  /** Returns a redacting logger named after {@code type}. */
  public static Logger getLogger(Class<?> type) {
    return new RedactingLogger(LoggerFactory.getLogger(type), Redactor.global());
  }

  /** Returns a redacting logger named {@code name}. */
  public static Logger getLogger(String name) {
    return new RedactingLogger(LoggerFactory.getLogger(name), Redactor.global());
  }
}
