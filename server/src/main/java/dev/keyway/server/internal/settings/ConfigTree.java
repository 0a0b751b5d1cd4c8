package dev.keyway.server.internal.settings;

import dev.keyway.api.ConfigProblems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One map of a resolved configuration section (see {@code KeywayConfig.sections()}), read setting
 * by setting with its config path. Every problem goes to one {@link ConfigProblems}; none quotes a
 * value, since any value may have come from a secret. Remembers which keys were read, so {@link
 * #rejectUnknownKeys()} can name the expected ones.
 */
final class ConfigTree {

  private final Map<?, ?> values;
  private final String path;
  private final ConfigProblems problems;
  private final Set<String> known = new LinkedHashSet<>();

  ConfigTree(Map<?, ?> values, String path, ConfigProblems problems) {
    this.values = values;
    this.path = path;
    this.problems = problems;
  }

  /** Returns the tree at top-level {@code key} of a section value, or an empty one. */
  static Optional<ConfigTree> of(Object section, String key, ConfigProblems problems) {
    if (section == null) {
      return Optional.empty();
    }
    if (!(section instanceof Map<?, ?> map)) {
      problems.add(key, "expected a map");
      return Optional.empty();
    }
    return Optional.of(new ConfigTree(map, key, problems));
  }

  String path() {
    return path;
  }

  String path(String key) {
    return path + "." + key;
  }

  ConfigProblems problems() {
    return problems;
  }

  /** Returns every key, in file order, and accepts them all. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    values.keySet().forEach(key -> keys.add(String.valueOf(key)));
    known.addAll(keys);
    return keys;
  }

  /** Returns whether {@code key} has a value in this environment. */
  boolean has(String key) {
    known.add(key);
    return values.get(key) != null;
  }

  /** Returns the single value {@code key}, or records "expected a single value". */
  Optional<String> text(String key) {
    known.add(key);
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    problems.add(path(key), "expected a single value");
    return Optional.empty();
  }

  /** Returns the single value {@code key}, or records "required" when it is absent or blank. */
  Optional<String> requiredText(String key) {
    Optional<String> text = text(key);
    if (text.isEmpty() && !values.containsKey(key)) {
      problems.add(path(key), "required");
    } else if (text.isPresent() && text.get().isBlank()) {
      problems.add(path(key), "required");
      return Optional.empty();
    }
    return text;
  }

  /** Returns the list {@code key} (a single value counts as a list of one). */
  Optional<List<String>> list(String key) {
    known.add(key);
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(List.of(text));
    }
    if (value instanceof List<?> list) {
      return Optional.of(list.stream().map(String::valueOf).toList());
    }
    problems.add(path(key), "expected a list of single values");
    return Optional.empty();
  }

  /** Returns the map {@code key} as a tree, or records "expected a map". */
  Optional<ConfigTree> tree(String key) {
    known.add(key);
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      return Optional.of(new ConfigTree(map, path(key), problems));
    }
    problems.add(path(key), "expected a map");
    return Optional.empty();
  }

  /** Returns {@code key} as a TCP port from 0 (any free port) to 65535. */
  Optional<Integer> port(String key) {
    return integer(key, 0, 65_535, "expected a port number from 0 (any free port) to 65535");
  }

  /** Returns {@code key} as a whole number from {@code min} to {@code max}. */
  Optional<Integer> integer(String key, int min, int max, String expected) {
    return text(key)
        .flatMap(
            text -> {
              try {
                int value = Integer.parseInt(text.trim());
                if (value >= min && value <= max) {
                  return Optional.of(value);
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              problems.add(path(key), expected);
              return Optional.empty();
            });
  }

  /**
   * Returns {@code key} as a duration greater than zero: {@code 500ms}, {@code 30s}, {@code 2m}.
   */
  Optional<Duration> duration(String key) {
    return text(key)
        .flatMap(
            text -> {
              Optional<Duration> duration =
                  ConfigProblems.parseDuration(text).filter(parsed -> !parsed.isZero());
              if (duration.isEmpty()) {
                problems.add(
                    path(key), "expected a duration greater than zero, such as 500ms, 30s or 2m");
              }
              return duration;
            });
  }

  /** Returns {@code key} as a size in bytes, see {@link ByteSize}. */
  Optional<Long> size(String key) {
    return text(key)
        .flatMap(
            text -> {
              Optional<Long> bytes = ByteSize.parse(text);
              if (bytes.isEmpty()) {
                problems.add(
                    path(key), "expected a size greater than zero, such as 1MiB, 512KiB or 4096");
              }
              return bytes;
            });
  }

  /** Records a problem for every key no one asked for. */
  void rejectUnknownKeys() {
    for (Object key : values.keySet()) {
      String name = String.valueOf(key);
      if (!known.contains(name)) {
        problems.add(path(name), "unknown setting; expected one of " + String.join(", ", known));
      }
    }
  }
}
