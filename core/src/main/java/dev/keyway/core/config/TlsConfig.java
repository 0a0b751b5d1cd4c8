package dev.keyway.core.config;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection's {@code tls} block: the client certificate to present to the upstream, and the CA
 * certificates to trust besides the JVM's own (for an upstream behind a private CA). Server
 * certificates and host names are always verified; nothing here can turn that off.
 *
 * <pre>{@code
 * tls:
 *   clientCertificate: { certificate: "${file:certs/client.pem}", key: "${secret:bank.key}" }
 *   trustedCertificates: "${file:certs/bank-ca.pem}"
 * }</pre>
 *
 * <p>{@code clientCertificate} holds the block's settings, resolved for the environment, as an auth
 * block of type {@code mtls}: core reads it with the {@code mtls} provider (module {@code
 * keyway-auth-mtls}), so it takes exactly the settings of the {@code mtls} method and core itself
 * parses no private key. The trusted certificates are parsed when the configuration is loaded.
 */
public record TlsConfig(
    Optional<AuthConfig> clientCertificate, List<X509Certificate> trustedCertificates) {

  /** No client certificate; the JVM's trusted CAs only. */
  public static final TlsConfig NONE = new TlsConfig(Optional.empty(), List.of());

  /** The type of the auth block {@link #clientCertificate} is read with. */
  public static final String CLIENT_CERTIFICATE_TYPE = "mtls";

  public TlsConfig {
    Objects.requireNonNull(clientCertificate, "clientCertificate");
    trustedCertificates = List.copyOf(trustedCertificates);
  }

  /** Returns whether the block changes nothing: no client certificate and no extra CA. */
  public boolean isEmpty() {
    return clientCertificate.isEmpty() && trustedCertificates.isEmpty();
  }

  @Override
  public String toString() {
    // The client certificate's settings hold a key: name them, never show them.
    return "TlsConfig[clientCertificate="
        + clientCertificate
            .map(auth -> new java.util.TreeSet<>(auth.settings().keySet()).toString())
            .orElse("none")
        + ", trustedCertificates="
        + trustedCertificates.size()
        + "]";
  }
}
