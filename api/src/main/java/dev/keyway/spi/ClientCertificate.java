package dev.keyway.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A TLS client certificate chain and its private key, presented to the upstream during the
 * handshake (mutual TLS). {@link #toString()} names the subject only.
 */
public record ClientCertificate(PrivateKey key, List<X509Certificate> chain) {

  public ClientCertificate {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a client certificate needs at least one certificate");
    }
  }

  @Override
  public String toString() {
    return "ClientCertificate[" + chain.get(0).getSubjectX500Principal().getName() + "]";
  }
}
