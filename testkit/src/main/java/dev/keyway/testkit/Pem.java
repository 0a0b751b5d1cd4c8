package dev.keyway.testkit;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Writes DER bytes as PEM text: a BEGIN line, base64 in lines of 64, an END line. */
final class Pem {

  private static final Base64.Encoder LINES =
      Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private Pem() {}

  /** Returns {@code der} as a PEM block of {@code type}, e.g. {@code CERTIFICATE}. */
  static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + LINES.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Returns {@code certificate} as a {@code CERTIFICATE} block. */
  static String certificate(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a generated certificate could not be encoded", e);
    }
  }

  /** Returns {@code key} as an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
  static String privateKey(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("expected a key with a PKCS#8 encoding");
    }
    return encode("PRIVATE KEY", key.getEncoded());
  }
}
