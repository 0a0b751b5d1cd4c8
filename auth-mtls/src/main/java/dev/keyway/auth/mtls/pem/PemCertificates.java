package dev.keyway.auth.mtls.pem;

import dev.keyway.api.ConfigProblems;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads X.509 certificates from PEM text: one certificate, a chain (the client certificate first,
 * then its intermediates) or a bundle of CA certificates, in the same pasted forms {@link
 * PemPrivateKey} accepts. Text between the blocks is ignored.
 *
 * <p>A private key among the certificates is refused rather than skipped, so that a key is only
 * ever given in a setting that Keyway treats as a secret. Problems name the setting's path and say
 * what was expected, never quoting the text. Thread-safe.
 */
public final class PemCertificates {

  private static final Set<String> CERTIFICATE_TYPES =
      Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");

  private PemCertificates() {}

  /**
   * Returns the certificates of {@code pem}, in order, or records a problem at {@code path} and
   * returns empty.
   */
  public static Optional<List<X509Certificate>> read(
      String pem, String path, ConfigProblems problems) {
    Objects.requireNonNull(pem, "pem");
    try {
      return Optional.of(certificates(PemText.blocks(pem)));
    } catch (PemFormatException e) {
      problems.add(path, e.getMessage());
      return Optional.empty();
    }
  }

  private static List<X509Certificate> certificates(List<PemBlock> blocks)
      throws PemFormatException {
    List<PemBlock> certificates = new ArrayList<>();
    for (PemBlock block : blocks) {
      if (block.type().contains("PRIVATE KEY")) {
        throw new PemFormatException(
            "holds a private key (BEGIN "
                + block.type()
                + "), which belongs in the key setting, not with the certificates (expected"
                + " BEGIN CERTIFICATE)");
      }
      if (CERTIFICATE_TYPES.contains(block.type())) {
        certificates.add(block);
      }
    }
    if (certificates.isEmpty()) {
      throw new PemFormatException(
          blocks.isEmpty()
              ? "not a PEM certificate (expected BEGIN CERTIFICATE)"
              : "holds no certificate (found BEGIN "
                  + blocks.get(0).type()
                  + "; expected BEGIN CERTIFICATE)");
    }
    List<X509Certificate> parsed = new ArrayList<>(certificates.size());
    for (int i = 0; i < certificates.size(); i++) {
      parsed.add(parse(certificates.get(i), i + 1, certificates.size()));
    }
    return List.copyOf(parsed);
  }

  private static X509Certificate parse(PemBlock block, int position, int count)
      throws PemFormatException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(block.der()));
    } catch (CertificateException | RuntimeException e) {
      throw new PemFormatException(
          (count == 1 ? "the certificate" : "certificate " + position + " of " + count)
              + " is not a valid X.509 certificate; it looks damaged or cut off, so copy it"
              + " again");
    }
  }
}
