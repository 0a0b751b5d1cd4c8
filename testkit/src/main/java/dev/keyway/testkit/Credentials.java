package dev.keyway.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes random credentials and compares them in constant time. */
final class Credentials {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RANDOM_BYTES = 24; // 192 bits: 32 URL-safe characters

  private Credentials() {}

  /** Returns a new random, URL-safe value (base64url without padding) of 192 bits. */
  static String random() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Returns whether {@code received} equals {@code expected}, in time that does not depend on where
   * they differ. A {@code null} received value never matches.
   */
  static boolean matches(String expected, String received) {
    return received != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
  }
}
