package dev.keyway.core.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random values of the flow: states and PKCE verifiers (RFC 7636 §4.1), and S256 challenges. */
final class Pkce {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** Returns 256 random bits, base64url-encoded (43 characters, all unreserved). */
  static String random(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }

  /** Returns {@code BASE64URL(SHA256(ASCII(verifier)))}. */
  static String s256(String verifier) {
    try {
      return URL.encodeToString(
          MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
