package dev.keyway.auth.jwt;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sets {@code Authorization: <scheme> <jwt>} on every request, and warns as the token's {@code exp}
 * nears. Immutable apart from the warnings' once-only flags; {@link #toString()} shows the scheme
 * only.
 */
final class StaticJwt implements AuthMethod {

  private static final String HEADER = "Authorization";

  private final String scheme;
  // Revealed once here rather than per request; never shown.
  private final String headerValue;
  private final Optional<ExpiryWarnings> warnings;

  StaticJwt(String scheme, String token, Optional<ExpiryWarnings> warnings) {
    this.scheme = scheme;
    this.headerValue = scheme + " " + token;
    this.warnings = warnings;
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    warnings.ifPresent(ExpiryWarnings::check);
    return CompletableFuture.completedFuture(request.withHeader(HEADER, headerValue));
  }

  @Override
  public String toString() {
    return "jwt-static[" + scheme + "]";
  }
}
