package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.FormField;
import dev.keyway.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the form parameters a client-credentials request carries besides the grant: {@code
 * audience} (one value or a list, each sent as {@code audience=}) and {@code extraParams}, a map of
 * parameter names to a value or a list of values. Parameters Keyway sets itself cannot be set
 * there, so a config cannot change the grant or the client authentication by accident.
 */
final class ExtraParams {

  static final String NAME = "extraParams";
  static final String AUDIENCE = "audience";

  /** The parameters of the grant and of client authentication (RFC 6749, RFC 7523). */
  private static final Set<String> RESERVED =
      Set.of(
          "grant_type",
          "scope",
          AUDIENCE,
          "client_id",
          "client_secret",
          "client_assertion",
          "client_assertion_type",
          "refresh_token",
          "username",
          "password");

  private ExtraParams() {}

  /** Returns one {@code audience} field per configured audience. */
  static List<FormField> audience(Settings settings) {
    return settings.list(AUDIENCE).orElse(List.of()).stream()
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .map(value -> new FormField(AUDIENCE, value))
        .toList();
  }

  /** Returns the audience fields as text for a cache key, e.g. {@code audience=https://api}. */
  static String describe(List<FormField> audience) {
    return audience.stream()
        .map(field -> field.name() + "=" + field.value())
        .collect(Collectors.joining(" "));
  }

  /** Returns the fields of {@code extraParams}, recording each mistake with its path. */
  static List<FormField> read(Settings settings, ConfigProblems problems) {
    Optional<Settings> section = settings.section(NAME);
    if (section.isEmpty()) {
      if (settings.names().contains(NAME)) {
        problems.add(
            settings.path(NAME), "expected a map of parameter names to values, e.g. {resource: x}");
      }
      return List.of();
    }
    Settings params = section.get();
    List<FormField> fields = new ArrayList<>();
    for (String name : params.names()) {
      if (RESERVED.contains(name)) {
        problems.add(
            params.path(name),
            name.equals("scope") || name.equals(AUDIENCE)
                ? "set by Keyway; use the " + name + " setting instead"
                : "set by Keyway from the grant and clientAuth; it cannot be overridden");
      } else if (params.list(name).isEmpty()) {
        problems.add(params.path(name), "expected a value or a list of values, not a map");
      } else {
        params.list(name).get().forEach(value -> fields.add(new FormField(name, value)));
      }
    }
    return List.copyOf(fields);
  }
}
