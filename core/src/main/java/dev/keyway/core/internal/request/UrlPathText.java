package dev.keyway.core.internal.request;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks path text written in configuration — a base URL's path prefix or the fixed parts of a call
 * path — which is sent exactly as written, so it must already be valid, safe URL path text.
 */
final class UrlPathText {

  private UrlPathText() {}

  /** Returns what is wrong with {@code rawPath}, each mistake once; empty when nothing is. */
  static Set<String> problems(String rawPath) {
    Set<String> problems = new LinkedHashSet<>();
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '?') {
        problems.add("contains '?': put fixed query values under query, not in the path");
      } else if (c == '#') {
        problems.add("contains '#': a fragment is never sent to an API");
      } else if (c == ' ') {
        problems.add("contains a space: write it as %20");
      } else if (c == '%') {
        if (i + 2 >= rawPath.length()
            || !isHex(rawPath.charAt(i + 1))
            || !isHex(rawPath.charAt(i + 2))) {
          problems.add("contains a '%' that does not start a %XX escape: write it as %25");
        }
      } else if (!isPathCharacter(c)) {
        problems.add(
            "contains a character that a URL path cannot hold as it is: percent-encode it (UTF-8)");
      }
    }
    for (String segment : rawPath.split("/", -1)) {
      String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        problems.add("contains a '.' or '..' segment: write the path without it");
      }
    }
    return problems;
  }

  /** Returns whether {@code c} may appear as it is in a URL path (RFC 3986 pchar or '/'). */
  private static boolean isPathCharacter(char c) {
    return PathSegments.isUnreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
