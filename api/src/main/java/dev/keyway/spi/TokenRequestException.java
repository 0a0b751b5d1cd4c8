package dev.keyway.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A token request failed: the authorization server refused it (RFC 6749 §5.2, e.g. {@code
 * invalid_grant}), answered with an unusable response, or could not be reached. The message names
 * the collection and the error code, never a credential; the server's {@code error_description} is
 * kept only when it is short printable text.
 */
public final class TokenRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * The RFC 6749 error code for a refused grant (bad password, expired or reused refresh token).
   */
  public static final String INVALID_GRANT = "invalid_grant";

  /** The RFC 6749 error code for a refused client authentication. */
  public static final String INVALID_CLIENT = "invalid_client";

  private final String error;
  private final int status;

  /**
   * Creates an exception for error code {@code error} (an RFC 6749 code, or a Keyway one such as
   * {@code unreachable}) and HTTP status {@code status} (0 when there was no response).
   */
  public TokenRequestException(String error, int status, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
    this.status = status;
  }

  /**
   * Returns the error code: an RFC 6749 §5.2 code, or {@code unreachable}, {@code bad_response}.
   */
  public String error() {
    return error;
  }

  /** Returns the HTTP status of the token endpoint's answer, if there was one. */
  public Optional<Integer> status() {
    return status == 0 ? Optional.empty() : Optional.of(status);
  }

  /** Returns whether the grant itself was refused: retrying with the same grant cannot succeed. */
  public boolean isInvalidGrant() {
    return INVALID_GRANT.equals(error);
  }
}
