package dev.keyway.core.config;

import dev.keyway.api.ConfigProblems;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM CA certificates for {@code tls.trustedCertificates} with the JDK alone, so a collection
 * behind a private CA needs no extra module. It accepts the forms users paste (text around the
 * blocks, Windows line ends, a block on one line with spaces, literal {@code \n} escapes), like the
 * key loader of {@code keyway-auth-mtls}, which core does not depend on. Problems name the path and
 * never quote the text.
 */
final class CertificateBundle {

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9][A-Z0-9 ]*?)-----");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private CertificateBundle() {}

  /** Returns the certificates of {@code text}, or records a problem at {@code path}. */
  static Optional<List<X509Certificate>> read(String text, String path, ConfigProblems problems) {
    String normalized = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r", "");
    List<String> bodies = new ArrayList<>();
    Matcher begin = BEGIN.matcher(normalized);
    int from = 0;
    while (begin.find(from)) {
      String type = begin.group(1).trim();
      String end = "-----END " + type + "-----";
      int endAt = normalized.indexOf(end, begin.end());
      if (endAt < 0) {
        problems.add(
            path, "the BEGIN " + type + " block has no END " + type + " line; copy all of it");
        return Optional.empty();
      }
      if (type.contains("PRIVATE KEY")) {
        problems.add(
            path,
            "holds a private key (BEGIN "
                + type
                + "); trustedCertificates takes CA certificates only (BEGIN CERTIFICATE)");
        return Optional.empty();
      }
      if (type.equals("CERTIFICATE")) {
        bodies.add(normalized.substring(begin.end(), endAt));
      }
      from = endAt + end.length();
    }
    if (bodies.isEmpty()) {
      problems.add(path, "not a PEM certificate bundle (expected BEGIN CERTIFICATE blocks)");
      return Optional.empty();
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      try {
        byte[] der = Base64.getDecoder().decode(WHITESPACE.matcher(bodies.get(i)).replaceAll(""));
        certificates.add(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
        problems.add(
            path,
            (bodies.size() == 1
                    ? "the certificate"
                    : "certificate " + (i + 1) + " of " + bodies.size())
                + " is not a valid X.509 certificate; it looks damaged or cut off, so copy it"
                + " again");
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(certificates));
  }
}
