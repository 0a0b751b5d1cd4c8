package dev.keyway.auth.mtls;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.spi.OutboundRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Presents a client certificate: core builds the collection's TLS context with it. Requests pass
 * unchanged. Immutable; {@link #toString()} names the certificate's subject only.
 */
final class MutualTls implements AuthMethod {

  private final Optional<ClientCertificate> certificate;

  MutualTls(ClientCertificate certificate) {
    this.certificate = Optional.of(certificate);
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    return CompletableFuture.completedFuture(request);
  }

  @Override
  public Optional<ClientCertificate> clientCertificate() {
    return certificate;
  }

  @Override
  public String toString() {
    return "mtls[" + certificate.get() + "]";
  }
}
