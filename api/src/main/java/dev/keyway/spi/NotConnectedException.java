package dev.keyway.spi;

import java.util.Objects;

/**
 * A call needs an end user's connection that does not exist: no end user was named, the user never
 * connected, or the provider refused the user's refresh token and the user must consent again. The
 * message names the collection, never the user's tokens.
 */
public final class NotConnectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why there is no usable connection. */
  public enum Reason {
    NO_USER,
    NOT_CONNECTED,
    NEEDS_CONSENT
  }

  private final String collection;
  private final Reason reason;

  public NotConnectedException(String collection, Reason reason) {
    super(message(collection, reason));
    this.collection = Objects.requireNonNull(collection, "collection");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private static String message(String collection, Reason reason) {
    return switch (reason) {
      case NO_USER ->
          "collection " + collection + " calls on behalf of an end user; none was named";
      case NOT_CONNECTED -> "collection " + collection + ": the user has not connected an account";
      case NEEDS_CONSENT ->
          "collection " + collection + ": the provider refused the user's grant; connect again";
    };
  }

  /** Returns the collection the call was for. */
  public String collection() {
    return collection;
  }

  /** Returns why there is no usable connection. */
  public Reason reason() {
    return reason;
  }
}
