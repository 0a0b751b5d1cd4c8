package dev.keyway.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a URL query or an {@code application/x-www-form-urlencoded} body into names and values.
 */
final class QueryString {

  private QueryString() {}

  /**
   * Returns every {@code name=value} pair of {@code encoded}, decoded as UTF-8 with {@code +} as a
   * space, grouped by name in order of first appearance. A pair without {@code =} has an empty
   * value; an empty pair is skipped. A malformed percent escape is kept as it is, so the sandbox
   * records what arrived instead of failing.
   */
  static Map<String, List<String>> parse(String encoded) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return result;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      result.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
    }
    result.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return result;
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return component;
    }
  }
}
