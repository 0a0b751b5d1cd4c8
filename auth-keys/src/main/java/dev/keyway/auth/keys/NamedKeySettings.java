package dev.keyway.auth.keys;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.Headers;
import dev.keyway.spi.Settings;

/**
 * The validated settings of {@code query-key} and {@code body-key}: the name of the parameter or
 * field that carries the key, and the key. Both are required.
 */
record NamedKeySettings(String keyName, Secret key) {

  /**
   * Reads and checks {@code settings}, recording every problem in {@code problems}; the result is
   * only meaningful when none was recorded. Messages name the setting, never the key's value.
   */
  static NamedKeySettings from(Settings settings, ConfigProblems problems) {
    String keyName = problems.requireText(settings, "keyName");
    if (keyName != null && !Headers.isValidValue(keyName)) {
      problems.add(settings.path("keyName"), "contains a line break or another control character");
    }
    Secret key = problems.requireSecret(settings, "key");
    if (key != null) {
      if (key.isEmpty()) {
        problems.add(settings.path("key"), "must not be empty");
      } else if (!Headers.isValidValue(key.reveal())) {
        // Encoding would carry it, but it is almost always a trailing newline read from a file.
        problems.add(
            settings.path("key"),
            "contains a line break or another control character (a trailing newline from a"
                + " file?); remove it");
      }
    }
    return new NamedKeySettings(keyName, key);
  }
}
