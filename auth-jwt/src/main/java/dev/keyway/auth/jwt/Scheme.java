package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Headers;
import dev.keyway.spi.Settings;

/**
 * Reads the {@code scheme} setting: the word before the JWT in {@code Authorization}, {@code
 * Bearer} unless a provider wants {@code Token}, {@code JWT} or another; exactly one space follows
 * it.
 */
final class Scheme {

  static final String DEFAULT = "Bearer";

  private Scheme() {}

  /** Returns the scheme of {@code settings}, or records a problem and returns the default. */
  static String read(Settings settings, ConfigProblems problems) {
    String scheme = settings.text("scheme").map(String::strip).orElse(DEFAULT);
    if (!Headers.isValidName(scheme)) {
      problems.add(
          settings.path("scheme"),
          "expected one word such as Bearer, Token or JWT (the space after it is added)");
      return DEFAULT;
    }
    return scheme;
  }
}
