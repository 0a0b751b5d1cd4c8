package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("LogCapture")
class LogCaptureTest {

  @Test
  @DisplayName("captures System.out, System.err and java.util.logging while open")
  void captures() {
    try (LogCapture capture = LogCapture.start()) {
      System.out.println("to stdout ✓");
      System.err.println("to stderr");
      Logger.getLogger("dev.keyway.test").log(Level.WARNING, "jul {0}", new Object[] {"param"});
      Logger.getLogger("dev.keyway.test")
          .log(Level.SEVERE, "failed", new IllegalStateException("the cause"));

      assertThat(capture.text())
          .contains("to stdout ✓", "to stderr", "jul param", "failed", "the cause");
    }
  }

  @Test
  @DisplayName("captures what slf4j-simple logs")
  void capturesSlf4j() {
    try (LogCapture capture = LogCapture.start()) {
      LoggerFactory.getLogger("dev.keyway.test").info("hello from {}", "slf4j");

      assertThat(capture.text()).contains("hello from slf4j");
    }
  }

  @Test
  @DisplayName("still writes to the original streams, and restores them on close")
  void teesAndRestores() {
    PrintStream before = System.err;
    ByteArrayOutputStream original = new ByteArrayOutputStream();
    PrintStream replaced = new PrintStream(original, true, StandardCharsets.UTF_8);
    System.setErr(replaced);
    try {
      LogCapture capture = LogCapture.start();
      System.err.println("seen by both");
      capture.close();
      capture.close();
      System.err.println("after close");

      assertThat(System.err).isSameAs(replaced);
      assertThat(capture.text()).contains("seen by both").doesNotContain("after close");
      assertThat(original.toString(StandardCharsets.UTF_8))
          .contains("seen by both")
          .contains("after close");
    } finally {
      System.setErr(before);
    }
  }

  @Test
  @DisplayName("stops capturing java.util.logging on close")
  void stopsJul() {
    LogCapture capture = LogCapture.start();
    capture.close();

    Logger.getLogger("dev.keyway.test").warning("too late");

    assertThat(capture.text()).doesNotContain("too late");
  }

  @Test
  @DisplayName("loses no line written from many threads at once")
  void threadSafe() throws Exception {
    PrintStream before = System.err;
    System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try (LogCapture capture = LogCapture.start()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 100; i++) {
                      System.err.println("line " + thread + "-" + i + ";");
                    }
                  }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        pool.shutdownNow();
      }

      String text = capture.text();
      for (int t = 0; t < 8; t++) {
        for (int i = 0; i < 100; i++) {
          assertThat(text).contains("line " + t + "-" + i + ";");
        }
      }
    } finally {
      System.setErr(before);
    }
  }
}
