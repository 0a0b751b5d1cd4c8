package dev.keyway.auth.mtls.pem;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** Writes one private key in the PEM forms users bring, and mangles PEM text as pasting does. */
public final class KeyForms {

  private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

  private KeyForms() {}

  /** Returns a new RSA 2048 key pair. */
  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns a new EC key pair on {@code curve}, e.g. {@code secp256r1}. */
  public static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code BEGIN PRIVATE KEY} (PKCS#8). */
  public static String pkcs8(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /**
   * Returns OpenSSL's traditional form: {@code BEGIN RSA PRIVATE KEY} (PKCS#1) for RSA, {@code
   * BEGIN EC PRIVATE KEY} (SEC1) for EC.
   */
  public static String traditional(PrivateKey key) {
    return write(withCurveInside(key), null);
  }

  /** Returns {@code BEGIN ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 with AES-256-CBC). */
  public static String encryptedPkcs8(PrivateKey key, String password) {
    try {
      return write(
          new JcaPKCS8Generator(
              key,
              new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                  .setProvider(BOUNCY_CASTLE)
                  .setPassword(password.toCharArray())
                  .build()),
          null);
    } catch (OperatorCreationException | PemGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the traditional form with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED}. */
  public static String legacyEncrypted(PrivateKey key, String password) {
    return write(withCurveInside(key), password);
  }

  /**
   * Returns {@code key} as Bouncy Castle's own key, whose SEC1 form names its curve (as OpenSSL
   * writes it); the JDK's PKCS#8 encoding leaves the curve out of the inner SEC1 structure.
   */
  private static PrivateKey withCurveInside(PrivateKey key) {
    if (!key.getAlgorithm().equals("EC")) {
      return key;
    }
    try {
      return KeyFactory.getInstance("EC", BOUNCY_CASTLE)
          .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object object, String password) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      if (password == null) {
        writer.writeObject(object);
      } else {
        writer.writeObject(
            object,
            new JcePEMEncryptorBuilder("AES-256-CBC")
                .setProvider(BOUNCY_CASTLE)
                .build(password.toCharArray()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Returns {@code der} as a PEM block of {@code type}. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Returns {@code pem} on one line, with a space where each line break was. */
  public static String oneLine(String pem) {
    return pem.strip().replace("\n", " ");
  }

  /** Returns {@code pem} with Windows line ends. */
  public static String crlf(String pem) {
    return pem.replace("\n", "\r\n");
  }

  /** Returns {@code pem} with literal backslash-n where the line breaks were, as in JSON. */
  public static String escaped(String pem) {
    return pem.replace("\n", "\\n");
  }

  /** Returns the base64 lines of {@code pem}: the parts of a key no message may hold. */
  public static List<String> bodyLines(String pem) {
    List<String> lines = new ArrayList<>();
    for (String line : pem.split("\\R")) {
      if (!line.isBlank() && !line.startsWith("-----") && !line.contains(":")) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** Returns the text of test resource {@code name}. */
  public static String resource(String name) {
    try (InputStream in = KeyForms.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
