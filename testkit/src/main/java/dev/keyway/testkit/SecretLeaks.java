package dev.keyway.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

/**
 * Looks for secret values in text that must not hold them: toString results, log output, exception
 * messages and stack traces. A failure shows where the value was, with the value itself replaced.
 */
final class SecretLeaks {

  /** Values shorter than this are not looked for: they would turn up by chance. */
  static final int SHORTEST_CHECKED = 4;

  private static final int CONTEXT = 60;

  private final Set<String> secrets;

  SecretLeaks(Set<String> secrets) {
    this.secrets = Set.copyOf(secrets);
  }

  /** Fails if {@code text}, described by {@code where}, holds any of the secret values. */
  void assertNone(String where, String text) {
    if (text == null) {
      return;
    }
    for (String secret : secrets) {
      int at = secret.length() < SHORTEST_CHECKED ? -1 : text.indexOf(secret);
      if (at >= 0) {
        String before = text.substring(Math.max(0, at - CONTEXT), at);
        int end = at + secret.length();
        String after = text.substring(end, Math.min(text.length(), end + CONTEXT));
        throw new AssertionError(
            where
                + " holds the value of a secret setting, shown here as <SECRET>:\n  ..."
                + masked(before)
                + "<SECRET>"
                + masked(after)
                + "...");
      }
    }
  }

  /** Fails if the message or stack trace of {@code thrown} or any cause holds a secret value. */
  void assertNone(String where, Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertNone(where, trace.toString());
  }

  private String masked(String text) {
    String result = text;
    for (String secret : secrets) {
      if (secret.length() >= SHORTEST_CHECKED) {
        result = result.replace(secret, "<SECRET>");
      }
    }
    return result;
  }
}
