package dev.keyway.server.internal.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads when a credential expires: the {@code exp} claim of a JWT (without verifying it: only the
 * date is wanted), or the {@code notAfter} of the first certificate of a PEM chain. Nothing read is
 * ever quoted.
 */
final class Expiry {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Expiry() {}

  /** Returns the {@code exp} of {@code jwt}, if it is a JWT that has one. */
  static Optional<Instant> ofJwt(String jwt) {
    String token = jwt.strip();
    int space = token.lastIndexOf(' ');
    if (space >= 0) {
      token = token.substring(space + 1); // a "Bearer " scheme given with it
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode exp = claims == null ? null : claims.get("exp");
      return exp != null && exp.isNumber()
          ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns the {@code notAfter} of the first certificate in {@code pem}, if there is one. */
  static Optional<Instant> ofCertificate(String pem) {
    String text = pem.replace("\\n", "\n");
    int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
    if (begin < 0) {
      return Optional.empty();
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      X509Certificate certificate =
          (X509Certificate)
              factory.generateCertificate(
                  new ByteArrayInputStream(
                      text.substring(begin).getBytes(StandardCharsets.US_ASCII)));
      return Optional.of(certificate.getNotAfter().toInstant());
    } catch (CertificateException | ClassCastException e) {
      return Optional.empty();
    }
  }
}
