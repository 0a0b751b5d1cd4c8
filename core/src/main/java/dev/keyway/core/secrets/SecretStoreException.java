package dev.keyway.core.secrets;

import dev.keyway.core.KeywayException;

/**
 * Thrown when a secret store cannot do what it was asked: the file is unreadable or damaged, a
 * value does not decrypt (it was altered, or moved to another name or environment), or the master
 * key is missing or is not the one the file was written with. The message names the file, the
 * secret and the fix, never a value or a key.
 */
public final class SecretStoreException extends KeywayException {

  private static final long serialVersionUID = 1L;

  public SecretStoreException(String message) {
    super(message);
  }

  public SecretStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
