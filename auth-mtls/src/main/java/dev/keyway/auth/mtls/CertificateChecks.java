package dev.keyway.auth.mtls;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.ClientCertificate;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks a client certificate when its collection is loaded, so a mistake shows at start-up rather
 * than as a failed handshake later: the key must belong to the first certificate, and every
 * certificate of the chain must be valid now. One that expires within {@link #WARN_BEFORE} is
 * logged as a warning (through {@link System.Logger}, as a plugin depends on the JDK only).
 */
final class CertificateChecks {

  /** How long before a certificate expires the warning starts. */
  static final Duration WARN_BEFORE = Duration.ofDays(30);

  private static final System.Logger LOG = System.getLogger(MtlsProvider.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateChecks() {}

  /** Records a problem at {@code path} for every check {@code certificate} fails at {@code now}. */
  static void check(
      ClientCertificate certificate, String path, Clock clock, ConfigProblems problems) {
    List<X509Certificate> chain = certificate.chain();
    checkKey(certificate.key(), chain, path, problems);
    Instant now = clock.instant();
    for (X509Certificate link : chain) {
      checkValidity(link, now, path, problems);
    }
  }

  private static void checkKey(
      PrivateKey key, List<X509Certificate> chain, String path, ConfigProblems problems) {
    String algorithm = signatureAlgorithm(key);
    if (algorithm == null) {
      problems.add(
          path,
          "the key is of type " + key.getAlgorithm() + ", which is not supported; use RSA or EC");
      return;
    }
    if (belongsTo(key, algorithm, chain.get(0).getPublicKey())) {
      return;
    }
    for (int i = 1; i < chain.size(); i++) {
      if (belongsTo(key, algorithm, chain.get(i).getPublicKey())) {
        problems.add(
            path,
            "the key belongs to certificate "
                + (i + 1)
                + " of the chain ("
                + subject(chain.get(i))
                + "); put the client certificate first, then its intermediates");
        return;
      }
    }
    problems.add(
        path,
        "the key does not belong to the certificate "
            + subject(chain.get(0))
            + "; give the key this certificate was issued for");
  }

  /** Signs random bytes with {@code key} and verifies them with {@code certificateKey}. */
  private static boolean belongsTo(PrivateKey key, String algorithm, PublicKey certificateKey) {
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificateKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException wrongKind) {
      return false;
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      case "Ed448" -> "Ed448";
      default -> null;
    };
  }

  private static void checkValidity(
      X509Certificate certificate, Instant now, String path, ConfigProblems problems) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      problems.add(
          path,
          "the certificate "
              + subject(certificate)
              + " is not valid before "
              + notBefore
              + "; check the clock of this machine, or wait until then");
    } else if (now.isAfter(notAfter)) {
      problems.add(
          path,
          "the certificate " + subject(certificate) + " expired at " + notAfter + "; renew it");
    } else if (Duration.between(now, notAfter).compareTo(WARN_BEFORE) < 0) {
      long days = Duration.between(now, notAfter).toDays();
      LOG.log(
          System.Logger.Level.WARNING,
          path
              + ": the certificate "
              + subject(certificate)
              + " expires at "
              + notAfter
              + (days == 0 ? ", in less than a day" : ", in " + days + " days")
              + "; renew it before then");
    }
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
