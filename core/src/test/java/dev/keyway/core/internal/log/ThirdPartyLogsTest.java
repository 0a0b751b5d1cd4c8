package dev.keyway.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

@DisplayName("ThirdPartyLogs")
class ThirdPartyLogsTest {

  /** A logger at a fixed level that records what it is asked to log. */
  private static final class RecordingLogger extends LegacyAbstractLogger {
    final List<String> lines = new ArrayList<>();
    final boolean debug;

    RecordingLogger(String name, boolean debug) {
      this.name = name;
      this.debug = debug;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, arguments));
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return debug;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }

  @Test
  @DisplayName("warns when Reactor Netty's client logs at DEBUG, naming the logger and the fix")
  void warnsOnDebug() {
    RecordingLogger out = new RecordingLogger("out", false);

    boolean warned =
        ThirdPartyLogs.warnIfVerbose(
            name -> new RecordingLogger(name, name.equals("reactor.netty.http.client")), out);

    assertThat(warned).isTrue();
    assertThat(out.lines)
        .containsExactly(
            "WARN logger reactor.netty.http.client is at DEBUG: it logs request URIs, query keys"
                + " included, and Keyway cannot mask what a library logs; set it to INFO outside of"
                + " local debugging");
  }

  @Test
  @DisplayName("stays quiet when those loggers are at INFO")
  void quietOtherwise() {
    RecordingLogger out = new RecordingLogger("out", false);

    assertThat(ThirdPartyLogs.warnIfVerbose(name -> new RecordingLogger(name, false), out))
        .isFalse();
    assertThat(out.lines).isEmpty();
  }
}
