package dev.keyway.core.internal.auth;

import dev.keyway.core.internal.client.UpstreamClient;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.OutboundRequest;
import java.util.concurrent.CompletionStage;

/**
 * Sends an auth method's side calls (token requests and the like) through its collection's client,
 * so they share its TLS settings, timeouts and pool. Responses are capped at 1 MiB: token responses
 * are small, and a huge one is a misconfiguration or an attack.
 */
final class SideCalls implements HttpExchange {

  static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  private final UpstreamClient client;

  SideCalls(UpstreamClient client) {
    this.client = client;
  }

  @Override
  public CompletionStage<ExchangeResponse> send(OutboundRequest request) {
    return client
        .send(request, "side call", MAX_RESPONSE_BYTES)
        .map(
            response ->
                new ExchangeResponse(response.status(), response.headers(), response.body()))
        .toFuture();
  }
}
