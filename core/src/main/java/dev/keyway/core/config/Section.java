package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One map of the configuration, read setting by setting. It remembers which settings were asked
 * for, so {@link #rejectUnknownKeys()} can report every other key with the list of expected ones.
 */
final class Section {

  private final JsonNode node;
  private final String path;
  private final ValueResolver values;
  private final Set<String> known = new LinkedHashSet<>();

  Section(JsonNode node, String path, ValueResolver values) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a section is a map: " + path);
    }
    this.node = node;
    this.path = path;
    this.values = values;
  }

  String path() {
    return path;
  }

  /** Returns the config path of {@code key} in this section. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigProblems problems() {
    return values.problems();
  }

  Environment environment() {
    return values.environment();
  }

  ValueResolver values() {
    return values;
  }

  /**
   * Returns how many problems were recorded so far; a reader compares it before and after to know
   * whether its part of the configuration is valid.
   */
  int problemCount() {
    return problems().list().size();
  }

  /** Returns whether {@code key} is written in this map with a value other than null. */
  boolean has(String key) {
    JsonNode child = raw(key);
    return child != null && !child.isNull();
  }

  /** Returns every key of this map, in file order, and accepts them all as known. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      keys.add(property.getKey());
    }
    known.addAll(keys);
    return keys;
  }

  /** Returns the raw value of {@code key} ({@code null} when absent) and accepts the key. */
  JsonNode raw(String key) {
    known.add(key);
    return node.get(key);
  }

  /** Accepts {@code keys} without reading them. */
  void ignore(String... keys) {
    known.addAll(List.of(keys));
  }

  /** Returns the text of {@code key}, picked for the environment, references replaced. */
  Lookup<String> lookup(String key) {
    return values.text(raw(key), path(key));
  }

  Optional<String> text(String key) {
    return lookup(key).value();
  }

  /** Returns the text of {@code key}, or records "required" when it is absent. */
  Optional<String> requiredText(String key) {
    return lookup(key).require(problems(), path(key), environment());
  }

  /** Returns {@code key} as {@code true} or {@code false}, or records a problem. */
  Optional<Boolean> flag(String key) {
    return text(key)
        .flatMap(
            text ->
                switch (text.trim().toLowerCase(Locale.ROOT)) {
                  case "true" -> Optional.of(true);
                  case "false" -> Optional.of(false);
                  default -> {
                    problems().add(path(key), "expected true or false");
                    yield Optional.empty();
                  }
                });
  }

  /**
   * Returns {@code key} as one of the constants of {@code type}, written in lower case and matched
   * ignoring case, or records "expected one of ..." listing them.
   */
  <E extends Enum<E>> Lookup<E> choice(String key, Class<E> type) {
    return lookup(key)
        .then(
            text -> {
              for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.trim())) {
                  return Lookup.found(constant);
                }
              }
              problems()
                  .add(
                      path(key),
                      Stream.of(type.getEnumConstants())
                          .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                          .collect(Collectors.joining(", ", "expected one of ", "")));
              return Lookup.invalid();
            });
  }

  /** Returns {@code key} as one of the constants of {@code type}, or records "required". */
  <E extends Enum<E>> Optional<E> requiredChoice(String key, Class<E> type) {
    return choice(key, type).require(problems(), path(key), environment());
  }

  /**
   * Returns {@code key} as a duration greater than zero ({@code 500ms}, {@code 5s}, {@code 2m}).
   */
  Optional<Duration> duration(String key) {
    return text(key)
        .flatMap(
            text -> {
              Optional<Duration> duration =
                  ConfigProblems.parseDuration(text).filter(parsed -> !parsed.isZero());
              if (duration.isEmpty()) {
                problems()
                    .add(
                        path(key),
                        "expected a duration greater than zero, such as 500ms, 5s or 2m");
              }
              return duration;
            });
  }

  /** Returns the map {@code key} as a section, or records "expected a map". */
  Lookup<Section> section(String key) {
    JsonNode child = raw(key);
    if (child == null || child.isNull()) {
      return Lookup.absent();
    }
    if (!child.isObject()) {
      problems().add(path(key), "expected a map");
      return Lookup.invalid();
    }
    return Lookup.found(new Section(child, path(key), values));
  }

  /** Returns the map {@code key} as a section, or records "required" when it is absent. */
  Optional<Section> requiredSection(String key) {
    return section(key).require(problems(), path(key), environment());
  }

  /** Records a problem for every key that no one asked for. */
  void rejectUnknownKeys() {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (!known.contains(property.getKey())) {
        problems()
            .add(
                path(property.getKey()),
                "unknown setting; expected one of " + String.join(", ", known));
      }
    }
  }
}
