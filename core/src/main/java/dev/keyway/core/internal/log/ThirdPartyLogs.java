package dev.keyway.core.internal.log;

import dev.keyway.core.log.KeywayLoggers;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per process, when a library logger that writes request URIs is at DEBUG. Keyway
 * redacts only what it logs itself; Reactor Netty's client logs each request's URI at DEBUG, query
 * keys included, and no SLF4J hook lets Keyway rewrite that line.
 */
public final class ThirdPartyLogs {

  /** Loggers that write request URIs (with their query) at DEBUG. */
  static final List<String> URI_LOGGERS =
      List.of("reactor.netty.http.client.HttpClientConnect", "reactor.netty.http.client");

  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final Logger LOG = KeywayLoggers.getLogger(ThirdPartyLogs.class);

  private ThirdPartyLogs() {}

  /** Logs the warning the first time it is called while such a logger is at DEBUG. */
  public static void warnIfVerbose() {
    if (!WARNED.get() && warnIfVerbose(LoggerFactory::getLogger, LOG)) {
      WARNED.set(true);
    }
  }

  /** Returns whether it warned on {@code out} about a logger found with {@code loggers}. */
  static boolean warnIfVerbose(Function<String, Logger> loggers, Logger out) {
    for (String name : URI_LOGGERS) {
      if (loggers.apply(name).isDebugEnabled()) {
        out.warn(
            "logger {} is at DEBUG: it logs request URIs, query keys included, and Keyway cannot"
                + " mask what a library logs; set it to INFO outside of local debugging",
            name);
        return true;
      }
    }
    return false;
  }
}
