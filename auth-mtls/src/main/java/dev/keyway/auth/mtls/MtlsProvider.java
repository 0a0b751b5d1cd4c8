package dev.keyway.auth.mtls;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code mtls} method: the collection presents a client certificate in the TLS
 * handshake with its upstream, and adds nothing to the requests themselves.
 *
 * <pre>{@code
 * auth:
 *   type: mtls
 *   certificate: "${file:certs/client.pem}"    # PEM: the client certificate, then intermediates
 *   key: "${secret:bank.key}"                  # PEM: PKCS#8, PKCS#1 or SEC1, maybe encrypted
 *   keyPassword: "${secret:bank.keypass}"      # only for an encrypted key
 * }</pre>
 *
 * <p>or {@code pkcs12} (the base64 of a {@code .p12} file) with its {@code password}. Core reads a
 * collection's {@code tls.clientCertificate} block with this same provider, so the certificate can
 * go with any other method. The certificate is checked when the collection is loaded: the key must
 * belong to it, and it must be valid at that time; one that expires within 30 days is logged as a
 * warning.
 */
public final class MtlsProvider implements AuthProvider {

  @Override
  public String type() {
    return "mtls";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Presents a client certificate in the TLS handshake with the upstream (mutual TLS).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.optional(
            "certificate", "the client certificate as PEM, followed by any intermediates"),
        SettingSpec.optional("key", "the certificate's private key as PEM").asSecret(),
        SettingSpec.optional("keyPassword", "the password of an encrypted key").asSecret(),
        SettingSpec.optional(
                "pkcs12", "instead of certificate and key: a PKCS#12 file, base64-encoded")
            .asSecret(),
        SettingSpec.optional("password", "the password of the PKCS#12 file").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    ClientCertificate certificate = ClientCertificateSettings.read(settings, problems);
    problems.throwIfAny();
    CertificateChecks.check(
        certificate,
        ClientCertificateSettings.certificatePath(settings),
        context.clock(),
        problems);
    problems.throwIfAny();
    return new MutualTls(certificate);
  }
}
