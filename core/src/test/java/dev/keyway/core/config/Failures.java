package dev.keyway.core.config;

import static org.assertj.core.api.Assertions.fail;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import java.util.List;

/** Runs a load that must fail, and returns what it reported. */
final class Failures {

  private Failures() {}

  /** Returns the exception thrown by {@code load}; fails the test when it does not throw one. */
  static InvalidConfigException failure(Runnable load) {
    try {
      load.run();
    } catch (InvalidConfigException e) {
      return e;
    }
    return fail("expected an InvalidConfigException");
  }

  /** Returns every problem reported by {@code load}, as {@code path: message}. */
  static List<String> problems(Runnable load) {
    return failure(load).problems().stream().map(ConfigProblem::toString).toList();
  }
}
