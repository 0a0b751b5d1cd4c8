package dev.keyway.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/**
 * The key pairs the sandbox's {@code /jwt/**} realm trusts from the start: one RSA 2048 and one EC
 * P-256 pair per JVM, made on first use (an RSA key takes a moment to make, and most tests never
 * need one).
 */
final class SandboxKeys {

  private SandboxKeys() {}

  /** Returns the RSA 2048 key pair. */
  static KeyPair rsa() {
    return Rsa.KEYS;
  }

  /** Returns the EC P-256 key pair. */
  static KeyPair ec() {
    return Ec.KEYS;
  }

  private static final class Rsa {
    static final KeyPair KEYS = generateRsa();
  }

  private static final class Ec {
    static final KeyPair KEYS = TestCa.ecKeyPair();
  }

  private static KeyPair generateRsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make an RSA key", e);
    }
  }
}
