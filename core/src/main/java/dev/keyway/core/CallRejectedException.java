package dev.keyway.core;

import dev.keyway.api.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before anything is sent when a caller's parameters are not acceptable: a private or
 * undeclared parameter, a missing required one, or a value that cannot go where it is declared (a
 * path value with {@code /} or {@code ..}, a header value with a line break). Each problem names
 * the parameter ({@code params.city}); none quotes the value. A gateway answers 400.
 */
public final class CallRejectedException extends KeywayException {

  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  public CallRejectedException(List<ConfigProblem> problems) {
    super(
        "call refused: "
            + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, each naming a parameter. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
