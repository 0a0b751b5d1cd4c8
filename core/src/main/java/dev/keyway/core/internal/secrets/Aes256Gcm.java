package dev.keyway.core.internal.secrets;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 96-bit nonce, a 128-bit tag and associated data, from the JDK's provider.
 * Every {@link #seal} draws a fresh random nonce: with random nonces, one key may seal about 2^32
 * values before a repeat becomes a risk, far beyond a secrets file.
 */
public final class Aes256Gcm {

  /** Key length in bytes. */
  public static final int KEY_BYTES = 32;

  /** Nonce length in bytes (96 bits). */
  public static final int NONCE_BYTES = 12;

  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Aes256Gcm() {}

  /** A nonce and the ciphertext (with its tag) it sealed. */
  public record Sealed(byte[] nonce, byte[] ciphertext) {}

  /** Returns a new random 256-bit key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** Returns an AES key object for {@code bytes}, which must be 32 bytes long. */
  public static SecretKey key(byte[] bytes) {
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes, not " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** Encrypts {@code plaintext} under {@code key} with a fresh nonce, binding {@code aad}. */
  public static Sealed seal(SecretKey key, byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return new Sealed(nonce, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
  }

  /**
   * Decrypts and authenticates {@code sealed} under {@code key} with {@code aad}.
   *
   * @throws AEADBadTagException if the ciphertext, nonce or associated data differ from what was
   *     sealed, or the key is another
   */
  public static byte[] open(SecretKey key, Sealed sealed, byte[] aad) throws AEADBadTagException {
    if (sealed.nonce().length != NONCE_BYTES) {
      throw new AEADBadTagException("the nonce is not 96 bits");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      // A ciphertext shorter than its tag, and the like: as much a forgery as a bad tag.
      AEADBadTagException bad = new AEADBadTagException("not a valid AES-GCM ciphertext");
      bad.initCause(e);
      throw bad;
    }
  }
}
