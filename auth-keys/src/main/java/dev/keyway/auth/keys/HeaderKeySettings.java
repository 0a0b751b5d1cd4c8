package dev.keyway.auth.keys;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.Headers;
import dev.keyway.spi.Settings;

/** The validated settings of {@code header-key}: the header name and its whole value. */
record HeaderKeySettings(String keyName, Secret key) {

  static final String DEFAULT_KEY_NAME = "Authorization";

  /**
   * Reads and checks {@code settings}, recording every problem in {@code problems}; the result is
   * only meaningful when none was recorded. Messages name the setting, never the key's value.
   */
  static HeaderKeySettings from(Settings settings, ConfigProblems problems) {
    String keyName = settings.text("keyName").orElse(DEFAULT_KEY_NAME);
    if (!Headers.isValidName(keyName)) {
      problems.add(
          settings.path("keyName"),
          "not a valid header name; use letters, digits and !#$%&'*+-.^_`|~ only, or omit it for "
              + DEFAULT_KEY_NAME);
    }
    Secret key = problems.requireSecret(settings, "key");
    if (key != null) {
      String problem = headerValueProblem(key.reveal());
      if (problem != null) {
        problems.add(settings.path("key"), problem);
      }
    }
    return new HeaderKeySettings(keyName, key);
  }

  /**
   * Returns what makes {@code value} unfit to be sent as it is in a header, or {@code null}. HTTP
   * strips leading and trailing whitespace and gives no portable meaning to non-ASCII bytes, so
   * both would make the upstream see another key than the one configured.
   */
  private static String headerValueProblem(String value) {
    if (value.isEmpty()) {
      return "must not be empty";
    }
    if (!Headers.isValidValue(value)) {
      return "contains a line break or another control character (a trailing newline from a"
          + " file?); remove it";
    }
    if (isWhitespace(value.charAt(0)) || isWhitespace(value.charAt(value.length() - 1))) {
      return "starts or ends with whitespace, which HTTP drops; remove it";
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7e) {
        return "contains a character that is not printable ASCII (a non-breaking space or a"
            + " typographic quote from copy and paste?); header keys must be ASCII";
      }
    }
    return null;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
