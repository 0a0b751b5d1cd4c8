package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Picks the value of an environment-scoped setting, written {@code {dev: ..., live: ...}}, for the
 * active environment.
 *
 * <p>{@code live} never falls back to a dev value: without a live value the setting is absent. In
 * {@code dev} a missing dev value falls back to the live one with a warning, or is a problem when
 * {@code strictEnvironments} is on. Warnings and problems name the path, never the value.
 */
final class EnvironmentPicker {

  private static final Set<String> ENVIRONMENT_KEYS = Set.of("dev", "live");

  private final Environment environment;
  private final boolean strict;
  private final ConfigProblems problems;
  private final Consumer<ConfigProblem> warnings;

  EnvironmentPicker(
      Environment environment,
      boolean strict,
      ConfigProblems problems,
      Consumer<ConfigProblem> warnings) {
    this.environment = environment;
    this.strict = strict;
    this.problems = problems;
    this.warnings = warnings;
  }

  /**
   * Returns whether {@code node} is an environment-scoped value: a map whose keys are a non-empty
   * subset of {@code dev} and {@code live}.
   */
  static boolean isScoped(JsonNode node) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (!ENVIRONMENT_KEYS.contains(property.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** Returns the value of {@code node} in the active environment; other nodes pass unchanged. */
  Lookup<JsonNode> pick(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Lookup.absent();
    }
    if (!isScoped(node)) {
      return Lookup.found(node);
    }
    JsonNode live = present(node.get("live"));
    if (environment == Environment.LIVE) {
      return live == null ? Lookup.absentInEnvironment() : Lookup.found(live);
    }
    JsonNode dev = present(node.get("dev"));
    if (dev != null) {
      return Lookup.found(dev);
    }
    if (live == null) {
      return Lookup.absentInEnvironment();
    }
    if (strict) {
      problems.add(path, "no dev value; strictEnvironments forbids using the live value");
      return Lookup.invalid();
    }
    warnings.accept(
        new ConfigProblem(
            path,
            "no dev value, so environment dev uses the LIVE value; add a dev value, or set"
                + " strictEnvironments: true to make this an error"));
    return Lookup.found(live);
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }
}
