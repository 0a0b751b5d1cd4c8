package dev.keyway.auth.basic;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;

/**
 * The validated settings of {@code basic}. The username may hold an API key, so like the password
 * it never appears in a message or in {@link #toString()}.
 */
record BasicSettings(String username, Secret password) {

  /**
   * Reads and checks {@code settings}, recording every problem in {@code problems}; the result is
   * only meaningful when none was recorded.
   */
  static BasicSettings from(Settings settings, ConfigProblems problems) {
    String username = problems.requireText(settings, "username");
    if (username != null) {
      if (username.indexOf(':') >= 0) {
        problems.add(
            settings.path("username"),
            "contains ':', which Basic credentials cannot carry in a username (RFC 7617 §2); if it"
                + " is a combined user:password value, split it into username and password");
      }
      if (hasControlCharacter(username)) {
        problems.add(settings.path("username"), controlCharacterProblem());
      }
    }
    Secret password = problems.requireSecret(settings, "password");
    if (password != null && hasControlCharacter(password.reveal())) {
      problems.add(settings.path("password"), controlCharacterProblem());
    }
    return new BasicSettings(username, password);
  }

  /** Returns whether {@code text} has a control character, which RFC 7617 §2 forbids. */
  private static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String controlCharacterProblem() {
    return "contains a line break, tab or another control character, which Basic credentials"
        + " cannot carry (RFC 7617 §2); remove it (a trailing newline from a file?)";
  }

  @Override
  public String toString() {
    return "BasicSettings[username=****, password=****]";
  }
}
