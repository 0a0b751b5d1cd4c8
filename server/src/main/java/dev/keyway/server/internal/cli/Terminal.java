package dev.keyway.server.internal.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command may touch of its process: standard output and error, standard input, environment
 * variables, and the stop signal. Passed in, so tests run commands in-process.
 */
public record Terminal(
    PrintWriter out,
    PrintWriter err,
    BufferedReader in,
    Function<String, String> environment,
    StopSignal stopSignal) {

  public Terminal {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(stopSignal, "stopSignal");
  }
}
