package dev.keyway.server.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes caller keys and the hashes stored in place of them. A key is {@code kw_} and 256 random
 * bits in base64url; its hash is {@code sha256:} and 64 lower-case hex digits of the SHA-256 of the
 * key's UTF-8 bytes. A plain hash is enough because keys are random, not chosen by people.
 */
public final class CallerKeys {

  /** What every caller key starts with, so it is recognisable in a secret scanner. */
  public static final String PREFIX = "kw_";

  private static final String HASH_PREFIX = "sha256:";
  private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private CallerKeys() {}

  /** Returns a new random caller key. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns the hash to store for {@code key}. */
  public static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HASH_PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Returns whether {@code text} has the form of a stored hash. */
  public static boolean isHash(String text) {
    return HASH.matcher(text).matches();
  }
}
