package dev.keyway.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a configuration has one or more mistakes. It carries every problem found, not just
 * the first, so a user can fix them all in one go.
 */
public class InvalidConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  public InvalidConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
    if (this.problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidConfigException needs at least one problem");
    }
  }

  public InvalidConfigException(String path, String message) {
    this(List.of(new ConfigProblem(path, message)));
  }

  /** Returns every problem, in the order they were found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    String lines =
        problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  "));
    return problems.size() == 1
        ? "invalid configuration: " + lines
        : "invalid configuration (" + problems.size() + " problems):\n  " + lines;
  }
}
