package dev.keyway.auth.mtls;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.auth.mtls.pem.PemCertificates;
import dev.keyway.auth.mtls.pem.PemPrivateKey;
import dev.keyway.auth.mtls.pem.Pkcs12File;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.spi.Settings;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Reads a client certificate from its settings: {@code certificate} and {@code key} (with {@code
 * keyPassword} for an encrypted key), or {@code pkcs12} with {@code password}; never both forms.
 */
final class ClientCertificateSettings {

  private ClientCertificateSettings() {}

  /**
   * Returns the certificate and key of {@code settings}, or records every problem and returns
   * {@code null}.
   */
  static ClientCertificate read(Settings settings, ConfigProblems problems) {
    boolean pem = settings.names().contains("certificate") || settings.names().contains("key");
    boolean pkcs12 = settings.names().contains("pkcs12");
    if (pem && pkcs12) {
      problems.add(
          settings.path("pkcs12"),
          "give either certificate and key, or pkcs12, not both; remove one of them");
      return null;
    }
    if (!pem && !pkcs12) {
      problems.add(
          settings.path(),
          "set certificate and key (PEM), or pkcs12 and password (a base64 PKCS#12 file)");
      return null;
    }
    return pkcs12 ? fromPkcs12(settings, problems) : fromPem(settings, problems);
  }

  /** Returns the path problems about the certificate itself are reported at. */
  static String certificatePath(Settings settings) {
    return settings.names().contains("pkcs12")
        ? settings.path("pkcs12")
        : settings.path("certificate");
  }

  private static ClientCertificate fromPem(Settings settings, ConfigProblems problems) {
    if (settings.names().contains("password")) {
      problems.add(
          settings.path("password"),
          "is the password of a pkcs12 file; the password of an encrypted key is keyPassword");
    }
    String certificate = problems.requireText(settings, "certificate");
    Optional<List<X509Certificate>> chain =
        certificate == null
            ? Optional.empty()
            : PemCertificates.read(certificate, settings.path("certificate"), problems);
    Optional<PrivateKey> key = PemPrivateKey.read(settings, "key", "keyPassword", problems);
    if (chain.isEmpty() || key.isEmpty()) {
      return null;
    }
    return new ClientCertificate(key.get(), chain.get());
  }

  private static ClientCertificate fromPkcs12(Settings settings, ConfigProblems problems) {
    if (settings.names().contains("keyPassword")) {
      problems.add(
          settings.path("keyPassword"), "goes with key; the password of a pkcs12 file is password");
    }
    Secret file = problems.requireSecret(settings, "pkcs12");
    if (file == null) {
      return null;
    }
    return Pkcs12File.read(
            file,
            settings.secret("password"),
            settings.path("pkcs12"),
            settings.path("password"),
            problems)
        .orElse(null);
  }
}
