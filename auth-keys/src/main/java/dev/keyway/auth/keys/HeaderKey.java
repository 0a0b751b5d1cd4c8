package dev.keyway.auth.keys;

import dev.keyway.api.Secret;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sets one header to the key on every request, replacing a field of the same name. Immutable and
 * thread-safe; {@link #toString()} names the header, never its value.
 */
final class HeaderKey implements AuthMethod {

  private final String name;

  // Revealed once here rather than per request: apply() is on the hot path. Never shown.
  private final String value;

  HeaderKey(String name, Secret key) {
    this.name = name;
    this.value = key.reveal();
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    return CompletableFuture.completedFuture(request.withHeader(name, value));
  }

  @Override
  public String toString() {
    return "header-key[" + name + "]";
  }
}
