package dev.keyway.core;

/** Thrown when a collection or a call of that name is not configured. A gateway answers 404. */
public final class UnknownCallException extends KeywayException {

  private static final long serialVersionUID = 1L;

  public UnknownCallException(String message) {
    super(message);
  }
}
