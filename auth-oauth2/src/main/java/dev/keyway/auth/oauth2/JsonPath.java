package dev.keyway.auth.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A dot path into a JSON answer, such as {@code data.token} or {@code tokens.0.value}: each step is
 * a member name, or an index for an array. Immutable.
 */
record JsonPath(String text, List<String> steps) {

  JsonPath {
    steps = List.copyOf(steps);
  }

  /** Returns the path {@code text} names, or empty when a step is empty ({@code a..b}). */
  static Optional<JsonPath> parse(String text) {
    String trimmed = text.strip();
    List<String> steps = List.of(trimmed.split("\\.", -1));
    if (trimmed.isEmpty() || steps.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(new JsonPath(trimmed, steps));
  }

  /** Returns the value at this path in {@code root}, if there is one and it is not null. */
  Optional<JsonNode> find(JsonNode root) {
    JsonNode node = root;
    for (String step : steps) {
      if (node == null) {
        return Optional.empty();
      }
      node = node.isArray() && isIndex(step) ? node.get(Integer.parseInt(step)) : node.get(step);
    }
    return Optional.ofNullable(node).filter(found -> !found.isNull());
  }

  private static boolean isIndex(String step) {
    return step.length() <= 9 && step.chars().allMatch(Character::isDigit);
  }

  @Override
  public String toString() {
    return text;
  }
}
