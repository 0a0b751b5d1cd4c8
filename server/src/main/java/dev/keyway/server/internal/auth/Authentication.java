package dev.keyway.server.internal.auth;

import java.util.Objects;

/** The outcome of checking a caller's credentials: a caller, or why none was accepted. */
public sealed interface Authentication {

  /** The credentials name this caller. */
  record Accepted(Caller caller) implements Authentication {
    public Accepted {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /**
   * No caller was accepted. {@code detail} tells the caller what to fix and never repeats the
   * credential; {@code invalidToken} says whether credentials were sent (and were wrong), for
   * {@code WWW-Authenticate: Bearer error="invalid_token"}.
   */
  record Refused(String detail, boolean invalidToken) implements Authentication {
    public Refused {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
