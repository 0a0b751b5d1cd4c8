package dev.keyway.auth.mtls.pem;

/**
 * Says why a value is not the PEM, key or certificate expected. The message is written for the
 * user, to follow a config path, and never holds any part of the value.
 */
final class PemFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  PemFormatException(String message) {
    super(message);
  }
}
