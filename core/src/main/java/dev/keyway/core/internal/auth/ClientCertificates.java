package dev.keyway.core.internal.auth;

import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.TlsConfig;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientCertificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the client certificate a collection presents: the one its auth method offers ({@code mtls},
 * or a plugin's), or the one of its {@code tls.clientCertificate} block, read with the {@code mtls}
 * provider so that core parses no key itself. Never both.
 */
public final class ClientCertificates {

  private ClientCertificates() {}

  /**
   * Returns the certificate of {@code collection}, whose auth method is {@code method} ({@code
   * null} if it could not be created), recording every problem in {@code problems}.
   */
  public static Optional<ClientCertificate> of(
      CollectionConfig collection,
      AuthMethod method,
      Map<String, AuthProvider> providers,
      AuthContext context,
      ConfigProblems problems) {
    Optional<ClientCertificate> fromMethod =
        method == null ? Optional.empty() : method.clientCertificate();
    if (collection.tls().clientCertificate().isEmpty()) {
      return fromMethod;
    }
    String path = collection.path() + ".tls.clientCertificate";
    if (fromMethod.isPresent()) {
      problems.add(
          path,
          "the auth method ("
              + collection.auth().type()
              + ") already presents a client certificate; configure it in one place");
      return Optional.empty();
    }
    if (!providers.containsKey(TlsConfig.CLIENT_CERTIFICATE_TYPE)) {
      problems.add(
          path, "reading a client certificate needs the keyway-auth-mtls module on the class path");
      return Optional.empty();
    }
    AuthMethod reader =
        AuthMethods.create(
            path,
            collection.tls().clientCertificate().get(),
            providers,
            List.of(),
            context,
            problems);
    if (reader == null) {
      return Optional.empty();
    }
    Optional<ClientCertificate> certificate = reader.clientCertificate();
    if (certificate.isEmpty()) {
      problems.add(
          path, "the " + TlsConfig.CLIENT_CERTIFICATE_TYPE + " provider gave no certificate");
    }
    return certificate;
  }
}
