package dev.keyway.auth.jwt;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;

/** Makes keys and writes them in the PEM forms users paste. */
final class Pems {

  private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

  private Pems() {}

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code BEGIN PRIVATE KEY}. */
  static String pkcs8(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** Returns {@code BEGIN RSA PRIVATE KEY} or {@code BEGIN EC PRIVATE KEY}, as OpenSSL writes. */
  static String traditional(PrivateKey key) {
    try {
      PrivateKey own =
          KeyFactory.getInstance(key.getAlgorithm(), BOUNCY_CASTLE)
              .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
      return write(own);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code BEGIN ENCRYPTED PRIVATE KEY}. */
  static String encrypted(PrivateKey key, String password) {
    try {
      return write(
          new JcaPKCS8Generator(
              key,
              new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                  .setProvider(BOUNCY_CASTLE)
                  .setPassword(password.toCharArray())
                  .build()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code pem} on one line with spaces, as a form field flattens it. */
  static String oneLine(String pem) {
    return pem.strip().replace("\n", " ");
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
