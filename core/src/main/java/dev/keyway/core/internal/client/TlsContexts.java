package dev.keyway.core.internal.client;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.ClientCertificate;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import reactor.netty.http.Http11SslContextSpec;

/**
 * Builds the TLS context of one collection's upstream client: its client certificate, if any, and
 * the CAs it trusts — the JVM's own plus any {@code tls.trustedCertificates}. Server certificate
 * and host name verification stay on; Reactor Netty checks the host name of every connection.
 */
public final class TlsContexts {

  private TlsContexts() {}

  /**
   * Returns the context for a collection at {@code path}, or empty when the JVM's defaults serve
   * (no certificate, no extra CA); records a problem if the context cannot be built.
   */
  public static Optional<SslContext> build(
      String path,
      Optional<ClientCertificate> certificate,
      List<X509Certificate> trusted,
      ConfigProblems problems) {
    if (certificate.isEmpty() && trusted.isEmpty()) {
      return Optional.empty();
    }
    try {
      TrustManagerFactory trust = trusted.isEmpty() ? null : trustingAlso(trusted);
      Http11SslContextSpec spec =
          Http11SslContextSpec.forClient()
              .configure(
                  builder -> {
                    certificate.ifPresent(
                        client ->
                            builder.keyManager(
                                client.key(), client.chain().toArray(X509Certificate[]::new)));
                    if (trust != null) {
                      builder.trustManager(trust);
                    }
                  });
      return Optional.of(spec.sslContext());
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      problems.add(
          path + ".tls",
          "the TLS settings could not be used ("
              + e.getClass().getSimpleName()
              + "); check the client certificate and trustedCertificates");
      return Optional.empty();
    }
  }

  /** Returns trust managers that trust the JVM's default CAs and {@code extra}. */
  private static TrustManagerFactory trustingAlso(List<X509Certificate> extra)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int index = 0;
    for (X509Certificate ca : jvmDefaults()) {
      store.setCertificateEntry("jvm-" + index++, ca);
    }
    index = 0;
    for (X509Certificate ca : extra) {
      store.setCertificateEntry("configured-" + index++, ca);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static X509Certificate[] jvmDefaults() throws GeneralSecurityException {
    TrustManagerFactory defaults =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    for (TrustManager manager : defaults.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }

  /** Says whether {@code error} or one of its causes is a TLS failure. */
  static boolean isTlsFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
