package dev.keyway.spi;

import java.util.concurrent.CompletionStage;

/**
 * Sends side calls for an auth method, such as token requests, with the collection's TLS settings
 * and timeouts. Responses are read whole (side calls are small) and capped in size. Redirects are
 * not followed. Never blocks.
 */
public interface HttpExchange {

  /** Sends {@code request} and completes with the whole response, or exceptionally on failure. */
  CompletionStage<ExchangeResponse> send(OutboundRequest request);
}
