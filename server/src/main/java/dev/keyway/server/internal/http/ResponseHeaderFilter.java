package dev.keyway.server.internal.http;

import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.spi.Headers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which upstream response header fields reach the caller: only an allowlist (content
 * description, caching, {@code Link}, {@code Retry-After} and rate-limit fields), and none whose
 * value contains a text of the collection's auth settings (a key echoed in a pagination {@code
 * Link}, say). {@code Set-Cookie}, hop-by-hop fields and everything else never pass.
 */
final class ResponseHeaderFilter {

  private static final Set<String> ALLOWED =
      Set.of(
          "content-type",
          "content-length",
          "content-encoding",
          "content-language",
          "cache-control",
          "expires",
          "etag",
          "last-modified",
          "link",
          "retry-after");

  private static final List<String> ALLOWED_PREFIXES = List.of("ratelimit", "x-ratelimit-");

  /** Shorter setting values (flags, small numbers) would match everywhere and hide nothing. */
  private static final int SHORTEST_CREDENTIAL = 4;

  private final Map<String, List<String>> credentials = new HashMap<>();

  ResponseHeaderFilter(KeywayConfig config) {
    for (CollectionConfig collection : config.collections().values()) {
      List<String> texts = new ArrayList<>();
      collect(collection.auth().settings(), texts);
      credentials.put(collection.id(), List.copyOf(texts));
    }
  }

  private static void collect(Object value, List<String> into) {
    if (value instanceof String text && text.length() >= SHORTEST_CREDENTIAL) {
      into.add(text);
    } else if (value instanceof List<?> list) {
      list.forEach(item -> collect(item, into));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(item -> collect(item, into));
    }
  }

  /** Returns the fields of {@code upstream} that may reach a caller of {@code collection}. */
  List<Map.Entry<String, String>> allowed(String collection, Headers upstream, boolean withLength) {
    List<String> secrets = credentials.getOrDefault(collection, List.of());
    List<Map.Entry<String, String>> passed = new ArrayList<>();
    for (Map.Entry<String, String> field : upstream.entries()) {
      String name = field.getKey().toLowerCase(Locale.ROOT);
      if (!isAllowed(name) || (!withLength && name.equals("content-length"))) {
        continue;
      }
      if (secrets.stream().noneMatch(field.getValue()::contains)) {
        passed.add(field);
      }
    }
    return passed;
  }

  private static boolean isAllowed(String name) {
    return ALLOWED.contains(name) || ALLOWED_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
