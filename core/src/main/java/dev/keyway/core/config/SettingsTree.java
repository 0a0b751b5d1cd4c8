package dev.keyway.core.config;

import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Settings} of an auth block, backed by the resolved values of an {@link AuthConfig}:
 * text, lists of text, and nested sections.
 *
 * <pre>{@code
 * Settings settings = SettingsTree.of(collection.path() + ".auth", collection.auth().settings());
 * }</pre>
 *
 * <p>Immutable: the values are copied when it is created. {@link #toString()} shows the path and
 * the setting names, never a value.
 */
public final class SettingsTree implements Settings {

  private final String path;
  private final Map<String, Object> values;

  private SettingsTree(String path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * Returns the settings at {@code path} holding {@code values}: each a {@code String}, a {@code
   * List<String>} or a nested {@code Map<String, ?>} of the same. Numbers and booleans are taken as
   * their text; a {@code null} value is left out.
   *
   * @throws IllegalArgumentException naming the setting whose value has another type
   */
  public static SettingsTree of(String path, Map<String, ?> values) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(values, "values");
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      String name = Objects.requireNonNull(entry.getKey(), () -> path + ": a setting name is null");
      Object value = copy(path.isEmpty() ? name : path + "." + name, entry.getValue());
      if (value != null) {
        copy.put(name, value);
      }
    }
    return new SettingsTree(path, Collections.unmodifiableMap(copy));
  }

  private static Object copy(String path, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> nested = new LinkedHashMap<>();
      map.forEach((name, item) -> nested.put(String.valueOf(name), item));
      return of(path, nested);
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (!isScalar(item)) {
          throw unsupported(path + "[" + i + "]", item);
        }
        items.add(item.toString());
      }
      return List.copyOf(items);
    }
    if (isScalar(value)) {
      return value.toString();
    }
    throw unsupported(path, value);
  }

  private static boolean isScalar(Object value) {
    return value instanceof CharSequence || value instanceof Number || value instanceof Boolean;
  }

  private static IllegalArgumentException unsupported(String path, Object value) {
    // Name the type only: the value may be a credential.
    String type = value == null ? "null" : value.getClass().getName();
    return new IllegalArgumentException(
        path + ": unsupported setting value of type " + type + "; expected text, a list or a map");
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Set<String> names() {
    return values.keySet();
  }

  /** Returns the setting {@code name} when it is a single value; a list or a section is empty. */
  @Override
  public Optional<String> text(String name) {
    return values.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  @Override
  public Optional<Secret> secret(String name) {
    return text(name).map(Secret::of);
  }

  @Override
  public Optional<List<String>> list(String name) {
    Object value = values.get(name);
    if (value instanceof String text) {
      return Optional.of(List.of(text));
    }
    if (value instanceof List<?> list) {
      return Optional.of(list.stream().map(String.class::cast).toList());
    }
    return Optional.empty();
  }

  /** Returns the nested section {@code name}, whose path is this path plus {@code .name}. */
  @Override
  public Optional<Settings> section(String name) {
    return values.get(name) instanceof SettingsTree section
        ? Optional.of(section)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "SettingsTree[" + path + ": " + String.join(", ", values.keySet()) + "]";
  }
}
