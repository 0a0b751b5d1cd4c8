package dev.keyway.auth.keys;

import dev.keyway.api.Secret;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Appends one query parameter holding the key to every request; {@link OutboundRequest} encodes it.
 * Immutable and thread-safe; {@link #toString()} names the parameter, never its value.
 */
final class QueryKey implements AuthMethod {

  private final String name;

  // Revealed once here rather than per request: apply() is on the hot path. Never shown.
  private final String value;

  QueryKey(String name, Secret key) {
    this.name = name;
    this.value = key.reveal();
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    return CompletableFuture.completedFuture(request.withQueryParameter(name, value));
  }

  @Override
  public String toString() {
    return "query-key[" + name + "]";
  }
}
