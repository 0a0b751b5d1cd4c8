package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims every minted JWT carries besides the times and {@code jti}: {@code iss}, {@code sub},
 * {@code aud} (one value or a list) and any other claims of the {@code claims} block, as strings or
 * lists of strings. Keyway sets {@code iat}, {@code exp}, {@code nbf} and {@code jti} itself;
 * {@code iss}, {@code sub} and {@code aud} have settings of their own.
 */
record ClaimsTemplate(
    Optional<String> issuer,
    Optional<String> subject,
    List<String> audience,
    Map<String, Object> others) {

  private static final Set<String> SET_BY_KEYWAY = Set.of("iat", "exp", "nbf", "jti");
  private static final Set<String> OWN_SETTINGS = Set.of("iss", "sub", "aud");

  ClaimsTemplate {
    audience = List.copyOf(audience);
    others = Map.copyOf(others);
  }

  /** Reads the claims of {@code settings}, recording every problem. */
  static ClaimsTemplate read(Settings settings, ConfigProblems problems) {
    Map<String, Object> others = new LinkedHashMap<>();
    Optional<Settings> block = settings.section("claims");
    if (settings.names().contains("claims") && block.isEmpty()) {
      problems.add(settings.path("claims"), "expected a map of claim names to values");
    }
    block.ifPresent(claims -> readOthers(claims, others, problems));
    return new ClaimsTemplate(
        nonBlank(settings, "iss"),
        nonBlank(settings, "sub"),
        settings.list("aud").orElse(List.of()),
        others);
  }

  private static void readOthers(
      Settings claims, Map<String, Object> others, ConfigProblems problems) {
    for (String name : claims.names()) {
      String path = claims.path(name);
      if (SET_BY_KEYWAY.contains(name)) {
        problems.add(path, "is set by Keyway for every token; remove it");
      } else if (OWN_SETTINGS.contains(name)) {
        problems.add(path, "has a setting of its own; write " + name + ": beside claims");
      } else if (claims.text(name).isPresent()) {
        others.put(name, claims.text(name).get());
      } else if (claims.list(name).isPresent()) {
        others.put(name, claims.list(name).get());
      } else {
        problems.add(path, "expected a single value or a list of values");
      }
    }
  }

  private static Optional<String> nonBlank(Settings settings, String name) {
    return settings.text(name).map(String::strip).filter(text -> !text.isEmpty());
  }
}
