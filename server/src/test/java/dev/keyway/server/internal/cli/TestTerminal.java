package dev.keyway.server.internal.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A terminal for running commands in-process: output captured (thread-safe), a given standard input
 * and environment, and a stop signal the test triggers.
 */
final class TestTerminal {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<Runnable> stopAction = new AtomicReference<>();
  final Terminal terminal;
  int exitCode = -1; // set by tests that keep a terminal and its exit code together

  TestTerminal(String stdin, Map<String, String> environment) {
    terminal =
        new Terminal(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader(stdin)),
            environment::get,
            stopAction::set);
  }

  TestTerminal() {
    this("", Map.of());
  }

  int run(String... args) {
    return KeywayCli.execute(args, terminal);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Waits until standard output contains {@code text}. */
  void awaitOut(String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!out().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' in output:\n" + out() + "\nerrors:\n" + err());
      }
      Thread.onSpinWait();
    }
  }

  /** Triggers the stop signal, as SIGTERM would. */
  void stop() {
    Runnable action = stopAction.get();
    if (action == null) {
      throw new AssertionError("the command registered no stop action");
    }
    action.run();
  }
}
