package dev.keyway.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what is logged while it is open: everything written to {@code System.out} and {@code
 * System.err} (where slf4j-simple writes, looking the stream up at each call) and every record that
 * reaches java.util.logging's root logger. What is written still reaches the original streams.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *   keyway.call("kit", "probe", Map.of()).toCompletableFuture().join();
 *   assertThat(logs.text()).doesNotContain(secret);
 * }
 * }</pre>
 *
 * <p>Thread-safe: Reactor threads may log while a test reads {@link #text()}. {@link #close()}
 * restores the streams that were in place at {@link #start()}, so nested captures must be closed in
 * reverse order (try-with-resources does that). Loggers that do not use their parent handlers, and
 * records below a logger's level, are not captured.
 */
public final class LogCapture implements AutoCloseable {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream originalOut;
  private final PrintStream originalErr;
  private final Logger root = LogManager.getLogManager().getLogger("");
  private final Handler handler = new CapturingHandler();
  private boolean closed;

  private LogCapture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));
    root.addHandler(handler);
  }

  /** Starts capturing. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** Returns everything captured so far, decoded as UTF-8. */
  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** Stops capturing and restores the original streams. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    root.removeHandler(handler);
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private PrintStream tee(PrintStream original) {
    return new PrintStream(new Tee(original), true, StandardCharsets.UTF_8);
  }

  private void capture(byte[] bytes, int offset, int length) {
    synchronized (captured) {
      captured.write(bytes, offset, length);
    }
  }

  /** Writes to the capture and to the original stream. */
  private final class Tee extends OutputStream {

    private final PrintStream original;

    Tee(PrintStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      capture(bytes, offset, length);
      original.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      original.flush();
    }
  }

  /** Formats each java.util.logging record, with its stack trace, into the capture. */
  private final class CapturingHandler extends Handler {

    private final Formatter formatter = new SimpleFormatter();

    CapturingHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      byte[] line = formatter.format(record).getBytes(StandardCharsets.UTF_8);
      capture(line, 0, line.length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
