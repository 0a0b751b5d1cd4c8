package dev.keyway.core.internal.auth;

import dev.keyway.core.internal.client.UpstreamClient;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.OutboundRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The side-call client of a collection whose upstream client is built after its auth method: the
 * method may present a client certificate, and the client's TLS context needs it. Core binds the
 * client once, right after creating the method; a side call made before that (while the method is
 * being created) fails.
 */
public final class DeferredExchange implements HttpExchange {

  private final String collection;
  private volatile HttpExchange target;

  public DeferredExchange(String collection) {
    this.collection = collection;
  }

  /** Sends every side call through {@code client} from now on. */
  public void bind(UpstreamClient client) {
    if (target != null) {
      throw new IllegalStateException("the side-call client of " + collection + " is bound");
    }
    target = new SideCalls(client);
  }

  @Override
  public CompletionStage<ExchangeResponse> send(OutboundRequest request) {
    HttpExchange bound = target;
    if (bound == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "collection "
                  + collection
                  + ": side calls can be made once the collection is built, not while its auth"
                  + " method is created"));
    }
    return bound.send(request);
  }
}
