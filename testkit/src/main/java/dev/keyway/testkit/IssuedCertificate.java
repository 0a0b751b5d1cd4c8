package dev.keyway.testkit;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate a {@link TestCa} issued, with its private key and the CA certificate that signed
 * it. The PEM forms are what a user pastes into a Keyway configuration. {@link #toString()} names
 * the subject only.
 */
public record IssuedCertificate(
    X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {

  public IssuedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(issuer, "issuer");
  }

  /** Returns the subject as RFC 2253 text, e.g. {@code CN=kit}. */
  public String subject() {
    return certificate.getSubjectX500Principal().getName();
  }

  /** Returns the certificate alone as a PEM {@code CERTIFICATE} block. */
  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  /** Returns the certificate followed by the issuing CA's certificate, as PEM blocks. */
  public String chainPem() {
    return Pem.certificate(certificate) + Pem.certificate(issuer);
  }

  /** Returns the certificate and the CA certificate, leaf first. */
  public List<X509Certificate> chain() {
    return List.of(certificate, issuer);
  }

  /** Returns the private key as an unencrypted PKCS#8 PEM block ({@code BEGIN PRIVATE KEY}). */
  public String privateKeyPem() {
    return Pem.privateKey(privateKey);
  }

  @Override
  public String toString() {
    return "IssuedCertificate[" + subject() + "]";
  }
}
