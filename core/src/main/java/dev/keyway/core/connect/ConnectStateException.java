package dev.keyway.core.connect;

import dev.keyway.core.KeywayException;

/**
 * A connect callback whose {@code state} is missing, unknown, expired, already used or for another
 * collection, or whose {@code iss} names another issuer: the flow is refused and no token request
 * is sent. A gateway answers 400.
 */
public final class ConnectStateException extends KeywayException {

  private static final long serialVersionUID = 1L;

  public ConnectStateException(String message) {
    super(message);
  }
}
