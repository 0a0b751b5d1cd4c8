package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.core.redact.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a whole configuration tree into a {@link KeywayConfig} for one environment, collecting
 * every problem before failing.
 */
final class KeywayConfigReader {

  static final String ENVIRONMENT_VARIABLE = "KEYWAY_ENV";

  private final LoadOptions options;

  KeywayConfigReader(LoadOptions options) {
    this.options = options;
  }

  /**
   * Returns the configuration in {@code root}.
   *
   * @throws dev.keyway.api.InvalidConfigException listing every problem found
   */
  KeywayConfig read(JsonNode root) {
    ConfigProblems problems = new ConfigProblems();
    if (root == null || !root.isObject()) {
      problems.add("", "expected a map of settings at the top level, such as collections: ...");
      problems.throwIfAny();
    }
    Environment environment = environment(root, problems);
    boolean strict = strictEnvironments(root, problems);
    ReferenceResolver references =
        new ReferenceResolver(
            options.secrets(),
            environment,
            options.environmentVariables(),
            options.baseDirectory(),
            strict,
            options.warnings());
    ValueResolver values =
        new ValueResolver(environment, strict, references, problems, options.warnings());
    Section top = new Section(root, "", values);
    top.ignore("environment", "strictEnvironments");
    Map<String, Object> sections = ServerSections.read(top);
    Map<String, CollectionConfig> collections = collections(top, options.requiredAuthSettings());
    top.rejectUnknownKeys();
    // Known to the log redactor even when the load fails: the values were read.
    Redactor.global().register(values.secretsUsed());
    problems.throwIfAny();
    return new KeywayConfig(environment, strict, collections, sections);
  }

  private Environment environment(JsonNode root, ConfigProblems problems) {
    Optional<Environment> inFile =
        fixed(root, "environment", problems)
            .flatMap(
                text -> {
                  Optional<Environment> parsed = Environment.parse(text);
                  if (parsed.isEmpty()) {
                    problems.add("environment", "expected dev or live");
                  }
                  return parsed;
                });
    if (options.environment().isPresent()) {
      return options.environment().get();
    }
    String variable = options.environmentVariables().apply(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      Optional<Environment> fromVariable = Environment.parse(variable);
      if (fromVariable.isEmpty()) {
        problems.add(ENVIRONMENT_VARIABLE, "environment variable: expected dev or live");
      }
      return fromVariable.orElse(inFile.orElse(Environment.DEV));
    }
    return inFile.orElse(Environment.DEV);
  }

  private static boolean strictEnvironments(JsonNode root, ConfigProblems problems) {
    return fixed(root, "strictEnvironments", problems)
        .flatMap(
            text -> {
              if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(text));
              }
              problems.add("strictEnvironments", "expected true or false");
              return Optional.empty();
            })
        .orElse(false);
  }

  /** Reads a top-level setting that decides how the rest is resolved, so it cannot use either. */
  private static Optional<String> fixed(JsonNode root, String key, ConfigProblems problems) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isContainerNode()) {
      problems.add(key, "expected a single value; it cannot differ per environment");
      return Optional.empty();
    }
    return Optional.of(node.asText().trim());
  }

  private static Map<String, CollectionConfig> collections(
      Section top, Map<String, Set<String>> requiredAuthSettings) {
    Map<String, CollectionConfig> collections = new LinkedHashMap<>();
    Optional<Section> all = top.requiredSection("collections");
    if (all.isEmpty()) {
      return collections;
    }
    for (String id : all.get().keys()) {
      if (!CollectionReader.ID.matcher(id).matches()) {
        all.get()
            .problems()
            .add(all.get().path(id), "not a valid collection id; use letters, digits, _ and -");
      }
      all.get()
          .requiredSection(id)
          .flatMap(collection -> CollectionReader.read(id, collection, requiredAuthSettings))
          .ifPresent(collection -> collections.put(id, collection));
    }
    return collections;
  }
}
