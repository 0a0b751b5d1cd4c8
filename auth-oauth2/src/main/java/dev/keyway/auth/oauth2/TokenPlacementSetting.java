package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Headers;
import dev.keyway.spi.Settings;
import dev.keyway.spi.TokenPlacement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads how {@code oauth2-custom-token} sends its token: in header {@code tokenHeader} (default
 * {@code Authorization}) after {@code tokenPrefix} (default {@code "Bearer "}), or, with {@code
 * tokenQueryParam}, as that query parameter instead — never both.
 *
 * <p>YAML drops the trailing space of an unquoted {@code tokenPrefix: Bearer}, which would glue the
 * word to the token; a prefix that is one word of letters therefore gets its space back. Any other
 * prefix ({@code "token="}, {@code ""}) is used exactly as written.
 */
final class TokenPlacementSetting {

  static final String HEADER = "tokenHeader";
  static final String PREFIX = "tokenPrefix";
  static final String QUERY = "tokenQueryParam";

  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

  private TokenPlacementSetting() {}

  /** Returns the placement {@code settings} describe, or null after recording each problem. */
  static TokenPlacement read(Settings settings, ConfigProblems problems) {
    Optional<String> header = settings.text(HEADER);
    Optional<String> prefix = settings.text(PREFIX);
    Optional<String> query = settings.text(QUERY);
    if (query.isPresent()) {
      boolean ok = true;
      if (header.isPresent()) {
        problems.add(
            settings.path(QUERY),
            "the token goes either in a header or in the query: set tokenHeader or"
                + " tokenQueryParam, not both");
        ok = false;
      }
      if (prefix.isPresent()) {
        problems.add(
            settings.path(PREFIX), "not used with tokenQueryParam: the token is sent as it is");
        ok = false;
      }
      if (query.get().isBlank()) {
        problems.add(settings.path(QUERY), "must not be empty");
        ok = false;
      }
      return ok ? TokenPlacement.query(query.get().strip()) : null;
    }
    String name = header.orElse("Authorization").strip();
    String before = prefix.map(TokenPlacementSetting::spaced).orElse("Bearer ");
    boolean ok = true;
    if (!Headers.isValidName(name)) {
      problems.add(settings.path(HEADER), "not a valid header name");
      ok = false;
    }
    if (!Headers.isValidValue(before)) {
      problems.add(settings.path(PREFIX), "contains a line break or another control character");
      ok = false;
    }
    return ok ? TokenPlacement.header(name, before) : null;
  }

  private static String spaced(String prefix) {
    return WORD.matcher(prefix).matches() ? prefix + " " : prefix;
  }
}
