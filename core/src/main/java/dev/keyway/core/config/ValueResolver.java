package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns one configuration value into text for the active environment: picks the {@code dev} or
 * {@code live} value, checks that it is a single value, and replaces its references. Records every
 * problem in one {@link ConfigProblems}, and remembers every secret value it used.
 *
 * <p>Not thread-safe; use one per load.
 */
final class ValueResolver {

  private final Environment environment;
  private final ConfigProblems problems;
  private final EnvironmentPicker picker;
  private final ReferenceResolver references;
  private final List<Secret> secrets = new ArrayList<>();

  ValueResolver(
      Environment environment,
      boolean strictEnvironments,
      ReferenceResolver references,
      ConfigProblems problems,
      Consumer<ConfigProblem> warnings) {
    this.environment = environment;
    this.problems = problems;
    this.picker = new EnvironmentPicker(environment, strictEnvironments, problems, warnings);
    this.references = references;
  }

  Environment environment() {
    return environment;
  }

  ConfigProblems problems() {
    return problems;
  }

  /**
   * Returns every secret value that went into a resolved string so far; the reader registers them
   * with the log redactor.
   */
  List<Secret> secretsUsed() {
    return List.copyOf(secrets);
  }

  /** Returns the value of {@code node} in the active environment, unchanged otherwise. */
  Lookup<JsonNode> pick(JsonNode node, String path) {
    return picker.pick(node, path);
  }

  /** Returns the text of {@code node}: picked for the environment, references replaced. */
  Lookup<String> text(JsonNode node, String path) {
    return pick(node, path).then(picked -> scalar(picked, path));
  }

  /** Returns the text of an already picked single value, references replaced. */
  Lookup<String> scalar(JsonNode picked, String path) {
    if (picked.isObject()) {
      problems.add(
          path,
          "expected a single value, not a map (write {dev: ..., live: ...} for a value that"
              + " differs per environment)");
      return Lookup.invalid();
    }
    if (picked.isArray()) {
      problems.add(path, "expected a single value, not a list");
      return Lookup.invalid();
    }
    return references
        .resolve(picked.asText(), path, problems)
        .map(
            resolved -> {
              secrets.addAll(resolved.secrets());
              return Lookup.found(resolved.text());
            })
        .orElseGet(Lookup::invalid);
  }
}
