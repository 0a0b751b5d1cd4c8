package dev.keyway.core;

import dev.keyway.spi.NotConnectedException;

/**
 * A call on a collection whose tokens belong to end users found no usable connection for its user:
 * none was named, the user never connected, or the provider refused the user's grant. The user
 * fixes it by connecting (the gateway answers 401 with the connect URL); nothing was sent.
 */
public final class ConnectionRequiredException extends KeywayException {

  private static final long serialVersionUID = 1L;

  private final String collection;
  private final NotConnectedException.Reason reason;

  public ConnectionRequiredException(NotConnectedException cause) {
    super(cause.getMessage(), cause);
    this.collection = cause.collection();
    this.reason = cause.reason();
  }

  /** Returns the collection that needs a connection. */
  public String collection() {
    return collection;
  }

  /** Returns why no connection could be used. */
  public NotConnectedException.Reason reason() {
    return reason;
  }
}
