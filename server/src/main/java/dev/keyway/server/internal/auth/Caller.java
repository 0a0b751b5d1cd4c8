package dev.keyway.server.internal.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller: its configured id, the end user a session token names, the calls it may
 * make (its allowlist, narrowed by a session token's {@code calls} claim when there is one), and
 * the browser origins it may be used from, and where a user's connect flow may return to.
 */
public record Caller(
    String id,
    Optional<String> user,
    List<CallPattern> allow,
    Optional<List<CallPattern>> sessionCalls,
    List<String> origins,
    List<URI> returnTo) {

  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    allow = List.copyOf(allow);
    sessionCalls = sessionCalls.map(List::copyOf);
    origins = List.copyOf(origins);
    returnTo = List.copyOf(returnTo);
  }

  /** Returns whether this caller may make {@code collection.call}. */
  public boolean allows(String collection, String call) {
    return matchesAny(allow, collection, call)
        && sessionCalls.map(patterns -> matchesAny(patterns, collection, call)).orElse(true);
  }

  private static boolean matchesAny(List<CallPattern> patterns, String collection, String call) {
    for (CallPattern pattern : patterns) {
      if (pattern.matches(collection, call)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    // The user id may be personal data.
    return "Caller[" + id + (user.isPresent() ? ", with a user" : "") + "]";
  }
}
