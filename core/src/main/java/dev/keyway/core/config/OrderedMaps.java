package dev.keyway.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Makes immutable copies of maps that keep the order entries were written in the config. */
final class OrderedMaps {

  private OrderedMaps() {}

  static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    Map<K, V> copy = new LinkedHashMap<>(map.size() * 2);
    map.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    return Collections.unmodifiableMap(copy);
  }
}
