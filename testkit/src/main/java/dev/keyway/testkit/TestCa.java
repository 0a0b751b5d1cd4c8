package dev.keyway.testkit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for tests, made with Bouncy Castle: it issues client certificates (for
 * mutual TLS) and server certificates (for the sandbox's HTTPS listeners). Keys are EC P-256 unless
 * a test brings its own, so making a CA and its certificates takes milliseconds.
 *
 * <pre>{@code
 * TestCa ca = TestCa.create("Test Bank CA");
 * IssuedCertificate client = ca.issueClient("keyway-client");
 * String certificate = client.certificatePem();  // tls.clientCertificate.certificate
 * String key = client.privateKeyPem();           // tls.clientCertificate.key
 * }</pre>
 *
 * <p>Certificates are valid from an hour ago unless a test chooses the dates. Thread-safe.
 */
public final class TestCa {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Duration CA_LIFETIME = Duration.ofDays(3650);
  private static final Duration LEAF_LIFETIME = Duration.ofDays(365);

  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestCa(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /** Creates a self-signed root CA named {@code CN=commonName}, valid for ten years. */
  public static TestCa create(String commonName) {
    Objects.requireNonNull(commonName, "commonName");
    KeyPair keys = ecKeyPair();
    X500Name name = name(commonName);
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(CA_LIFETIME)),
                  name,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return new TestCa(keys, sign(builder, keys));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("the test CA could not be made", e);
    }
  }

  /** Returns a new EC P-256 key pair. */
  public static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make an EC P-256 key", e);
    }
  }

  /** Returns the CA's own certificate: what an upstream's clients put in their trust store. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Returns the CA certificate as a PEM block, e.g. for {@code tls.trustedCertificates}. */
  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  /** Returns the subject of the CA certificate, e.g. {@code CN=Test Bank CA}. */
  public String subject() {
    return certificate.getSubjectX500Principal().getName();
  }

  /** Issues a client certificate for {@code CN=commonName} with a new EC key, valid for a year. */
  public IssuedCertificate issueClient(String commonName) {
    Instant now = Instant.now();
    return issueClient(commonName, ecKeyPair(), now.minus(BACKDATE), now.plus(LEAF_LIFETIME));
  }

  /**
   * Issues a client certificate for {@code CN=commonName} and the public key of {@code keys} (RSA
   * or EC), valid from {@code notBefore} to {@code notAfter}: an expired or not yet valid one if a
   * test asks for it.
   */
  public IssuedCertificate issueClient(
      String commonName, KeyPair keys, Instant notBefore, Instant notAfter) {
    return issue(commonName, keys, notBefore, notAfter, KeyPurposeId.id_kp_clientAuth, List.of());
  }

  /**
   * Issues a server certificate whose subject alternative names are {@code hosts}: IP addresses
   * ({@code 127.0.0.1}) or DNS names ({@code localhost}). Valid for a year, with a new EC key.
   */
  public IssuedCertificate issueServer(String... hosts) {
    if (hosts.length == 0) {
      throw new IllegalArgumentException("a server certificate needs at least one host name");
    }
    Instant now = Instant.now();
    return issue(
        hosts[0],
        ecKeyPair(),
        now.minus(BACKDATE),
        now.plus(LEAF_LIFETIME),
        KeyPurposeId.id_kp_serverAuth,
        List.of(hosts));
  }

  private IssuedCertificate issue(
      String commonName,
      KeyPair subjectKeys,
      Instant notBefore,
      Instant notAfter,
      KeyPurposeId purpose,
      List<String> hosts) {
    Objects.requireNonNull(commonName, "commonName");
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      PublicKey subjectKey = subjectKeys.getPublic();
      int usage =
          "RSA".equals(subjectKey.getAlgorithm())
              ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
              : KeyUsage.digitalSignature;
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  certificate,
                  serial(),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  name(commonName),
                  subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(subjectKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(certificate));
      if (!hosts.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
      }
      return new IssuedCertificate(sign(builder, keys), subjectKeys.getPrivate(), certificate);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("the test CA could not issue a certificate", e);
    }
  }

  private static GeneralNames alternativeNames(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      names.add(
          isIpAddress(host)
              ? new GeneralName(GeneralName.iPAddress, host)
              : new GeneralName(GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static boolean isIpAddress(String host) {
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
      return false;
    }
    try {
      InetAddress.getByName(host); // a literal: no lookup is made
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("no ECDSA signer", e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }

  @Override
  public String toString() {
    return "TestCa[" + subject() + "]";
  }
}
