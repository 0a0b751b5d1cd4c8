package dev.keyway.core.internal.auth;

import dev.keyway.spi.ResponseHead;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether an upstream answer refused the credentials: a status the collection lists in {@code
 * authFailureStatuses}, or a Bearer challenge with {@code error="invalid_token"} (RFC 6750 §3.1),
 * but never one with {@code error="insufficient_scope"}: a new token would carry the same scope.
 */
record AuthFailures(Set<Integer> statuses) {

  private static final Pattern ERROR =
      Pattern.compile("(?:^|[\\s,])error\\s*=\\s*\"?([A-Za-z_]+)\"?");

  AuthFailures {
    statuses = Set.copyOf(statuses);
  }

  boolean test(ResponseHead response) {
    boolean invalidToken = false;
    for (String challenge : response.headers().all("WWW-Authenticate")) {
      Matcher error = ERROR.matcher(challenge);
      while (error.find()) {
        String code = error.group(1).toLowerCase(Locale.ROOT);
        if (code.equals("insufficient_scope")) {
          return false;
        }
        invalidToken |= code.equals("invalid_token");
      }
    }
    return invalidToken || statuses.contains(response.status());
  }
}
