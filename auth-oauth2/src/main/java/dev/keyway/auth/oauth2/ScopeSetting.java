package dev.keyway.auth.oauth2;

import dev.keyway.spi.FormField;
import dev.keyway.spi.Settings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the {@code scope} setting: one space-separated text ({@code "read write"}) or a list of
 * scopes, sent as one space-separated {@code scope} parameter (RFC 6749 §3.3).
 */
final class ScopeSetting {

  static final String NAME = "scope";

  private ScopeSetting() {}

  /** Returns the scope to send, scopes separated by one space; empty for none. */
  static String read(Settings settings) {
    return settings.list(NAME).orElse(List.of()).stream()
        .flatMap(text -> List.of(text.trim().split("\\s+")).stream())
        .filter(scope -> !scope.isEmpty())
        .distinct()
        .collect(Collectors.joining(" "));
  }

  /** Returns {@code scope=...} as a form field, or nothing for an empty scope. */
  static List<FormField> field(String scope) {
    return scope.isEmpty() ? List.of() : List.of(new FormField(NAME, scope));
  }
}
