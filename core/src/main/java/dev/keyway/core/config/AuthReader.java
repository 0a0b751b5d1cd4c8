package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a collection's {@code auth} block: the provider {@code type} and, resolved for the active
 * environment, every other setting as a {@code String}, a {@code List<String>} or a nested map.
 *
 * <p>The settings are not validated here: the provider knows them and reports what is missing or
 * wrong. A setting with no value in the active environment is left out, so the provider reports it
 * as required, and is named in {@link AuthConfig#absentInEnvironment()}, so that core can say in
 * which environment it is missing.
 */
final class AuthReader {

  private AuthReader() {}

  /**
   * Returns the auth block, or empty when it has a problem (recorded with its path). A setting that
   * {@code requiredAuthSettings} lists as required for the block's type and that has a value for
   * the other environment only is a problem: {@code required in environment live}.
   */
  static Optional<AuthConfig> read(Section auth, Map<String, Set<String>> requiredAuthSettings) {
    int mark = auth.problemCount();
    Optional<String> type = type(auth);
    Map<String, Object> settings = new LinkedHashMap<>();
    Set<String> absentInEnvironment = new LinkedHashSet<>();
    for (String name : auth.keys()) {
      if (!name.equals("type")) {
        Lookup<Object> setting = setting(auth.raw(name), auth.path(name), auth.values());
        setting.value().ifPresent(value -> settings.put(name, value));
        if (setting.state() == Lookup.State.ABSENT_IN_ENVIRONMENT) {
          absentInEnvironment.add(name);
        }
      }
    }
    Set<String> required =
        type.map(t -> requiredAuthSettings.getOrDefault(t, Set.of())).orElse(Set.of());
    for (String name : absentInEnvironment) {
      if (required.contains(name)) {
        auth.problems()
            .add(auth.path(name), "required in environment " + auth.environment().configName());
      }
    }
    return auth.problemCount() > mark
        ? Optional.empty()
        : Optional.of(new AuthConfig(type.orElseThrow(), settings, absentInEnvironment));
  }

  private static Optional<String> type(Section auth) {
    String path = auth.path("type");
    if (EnvironmentPicker.isScoped(auth.raw("type"))) {
      auth.problems()
          .add(
              path,
              "must be the same in every environment; use another collection for another method");
      return Optional.empty();
    }
    Optional<String> type = auth.requiredText("type");
    if (type.isPresent() && type.get().isBlank()) {
      auth.problems().add(path, "required");
      return Optional.empty();
    }
    return type.map(String::trim);
  }

  /**
   * Returns one setting resolved for the environment: a {@code String}, a {@code List<String>} or a
   * nested map of the same.
   */
  static Lookup<Object> setting(JsonNode node, String path, ValueResolver values) {
    return values
        .pick(node, path)
        .then(
            picked -> {
              if (picked.isObject()) {
                return Lookup.found(section(picked, path, values));
              }
              if (picked.isArray()) {
                return Lookup.found(list(picked, path, values));
              }
              return values.scalar(picked, path).then(Lookup::found);
            });
  }

  private static Map<String, Object> section(JsonNode map, String path, ValueResolver values) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : map.properties()) {
      setting(property.getValue(), path + "." + property.getKey(), values)
          .value()
          .ifPresent(value -> settings.put(property.getKey(), value));
    }
    return Collections.unmodifiableMap(settings);
  }

  private static List<String> list(JsonNode array, String path, ValueResolver values) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Lookup<JsonNode> item = values.pick(array.get(i), itemPath);
      if (item.value().filter(JsonNode::isContainerNode).isPresent()) {
        values.problems().add(itemPath, "expected a list of single values");
      } else {
        item.then(picked -> values.scalar(picked, itemPath)).value().ifPresent(items::add);
      }
    }
    return List.copyOf(items);
  }
}
