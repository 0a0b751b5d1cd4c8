package dev.keyway.server.internal.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a caller's allowlist: {@code *} (every call), {@code stripe.*} (every call of a
 * collection) or {@code weather.current} (one call).
 */
public record CallPattern(String collection, String call) {

  /** Matches any collection or call id. */
  public static final String ANY = "*";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  /** Returns the pattern written {@code text}, if it is one of the three forms. */
  public static Optional<CallPattern> parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals(ANY)) {
      return Optional.of(new CallPattern(ANY, ANY));
    }
    int dot = trimmed.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String collection = trimmed.substring(0, dot);
    String call = trimmed.substring(dot + 1);
    if (!ID.matcher(collection).matches()) {
      return Optional.empty();
    }
    if (!call.equals(ANY) && !ID.matcher(call).matches()) {
      return Optional.empty();
    }
    return Optional.of(new CallPattern(collection, call));
  }

  /** Returns whether {@code collectionId.callId} is allowed by this pattern. */
  public boolean matches(String collectionId, String callId) {
    return (collection.equals(ANY) || collection.equals(collectionId))
        && (call.equals(ANY) || call.equals(callId));
  }

  @Override
  public String toString() {
    return collection.equals(ANY) ? ANY : collection + "." + call;
  }
}
