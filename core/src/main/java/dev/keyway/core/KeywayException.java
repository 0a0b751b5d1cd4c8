package dev.keyway.core;

/**
 * The base of every error a call through Keyway can end with. Messages never contain a secret, a
 * header value or a URL query.
 */
public class KeywayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeywayException(String message) {
    super(message);
  }

  public KeywayException(String message, Throwable cause) {
    super(message, cause);
  }
}
