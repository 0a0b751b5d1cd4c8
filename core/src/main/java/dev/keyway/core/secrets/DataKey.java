package dev.keyway.core.secrets;

import dev.keyway.core.internal.secrets.Aes256Gcm;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A data key that encrypts values at rest (AES-256-GCM, a fresh 96-bit nonce per value), kept
 * wrapped by a {@link MasterKey}: envelope encryption, so a new master key re-wraps the data key
 * without touching the values. Each value is sealed with a {@code context} — authenticated data
 * such as the name or row it belongs to — and opens only with the same context: a ciphertext copied
 * elsewhere does not decrypt. Used by durable token stores; the secret store file has its own
 * format.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the id only.
 */
public final class DataKey {

  private final String id;
  private final SecretKey key;

  private DataKey(String id, SecretKey key) {
    this.id = Objects.requireNonNull(id, "id");
    this.key = key;
  }

  /** Returns a new random data key named {@code id}. */
  public static DataKey generate(String id) {
    byte[] bytes = Aes256Gcm.newKey();
    try {
      return new DataKey(id, Aes256Gcm.key(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Unwraps data key {@code id} from {@code wrapped} (made by {@link #wrap}) with {@code master}.
   *
   * @throws SecretStoreException if {@code master} is not the key it was wrapped with, or the bytes
   *     were changed
   */
  public static DataKey unwrap(String id, byte[] wrapped, MasterKey master) {
    byte[] plain = open(master.secretKey(), wrapped, wrapContext(id, master));
    try {
      return new DataKey(id, Aes256Gcm.key(plain));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Returns this key wrapped by {@code master}, bound to this key's id and the master key's. */
  public byte[] wrap(MasterKey master) {
    return seal(master.secretKey(), key.getEncoded(), wrapContext(id, master));
  }

  /** Returns the id that names this data key. */
  public String id() {
    return id;
  }

  /**
   * Returns {@code plaintext} encrypted, bound to {@code context}: the nonce, then the ciphertext.
   */
  public byte[] seal(byte[] plaintext, String context) {
    return seal(key, plaintext, bytes(context));
  }

  /**
   * Returns the plaintext of {@code sealed}.
   *
   * @throws SecretStoreException if it was sealed with another key or another context, or changed
   */
  public byte[] open(byte[] sealed, String context) {
    return open(key, sealed, bytes(context));
  }

  private static byte[] wrapContext(String id, MasterKey master) {
    return bytes("keyway data key " + id + " under " + master.id());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] seal(SecretKey key, byte[] plaintext, byte[] context) {
    Aes256Gcm.Sealed sealed = Aes256Gcm.seal(key, plaintext, context);
    return ByteBuffer.allocate(sealed.nonce().length + sealed.ciphertext().length)
        .put(sealed.nonce())
        .put(sealed.ciphertext())
        .array();
  }

  private static byte[] open(SecretKey key, byte[] sealed, byte[] context) {
    if (sealed.length <= Aes256Gcm.NONCE_BYTES) {
      throw new SecretStoreException("an encrypted value is too short; it was changed");
    }
    try {
      return Aes256Gcm.open(
          key,
          new Aes256Gcm.Sealed(
              Arrays.copyOf(sealed, Aes256Gcm.NONCE_BYTES),
              Arrays.copyOfRange(sealed, Aes256Gcm.NONCE_BYTES, sealed.length)),
          context);
    } catch (AEADBadTagException e) {
      throw new SecretStoreException(
          "an encrypted value does not decrypt: it was changed, moved from where it belongs, or"
              + " sealed under another key",
          e);
    }
  }

  @Override
  public String toString() {
    return "DataKey[" + id + "]";
  }
}
