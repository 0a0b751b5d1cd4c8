package dev.keyway.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the top-level settings that core keeps for the gateway server without modelling them
 * ({@link KeywayConfig#SECTION_KEYS}), resolved like an auth block: every {@code {dev:, live:}}
 * value picked and every reference replaced. Their meaning is checked by the server.
 */
final class ServerSections {

  private ServerSections() {}

  /** Returns the resolved sections of {@code top} that are present, by key. */
  static Map<String, Object> read(Section top) {
    Map<String, Object> sections = new LinkedHashMap<>();
    top.ignore(KeywayConfig.SECTION_KEYS.toArray(String[]::new));
    for (String key : KeywayConfig.SECTION_KEYS) {
      if (top.has(key)) {
        AuthReader.setting(top.raw(key), top.path(key), top.values())
            .value()
            .ifPresent(value -> sections.put(key, value));
      }
    }
    return sections;
  }
}
