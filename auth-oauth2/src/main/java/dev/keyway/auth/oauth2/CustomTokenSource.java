package dev.keyway.auth.oauth2;

import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenSource;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Obtains a token by sending the custom token request through core's token endpoint (with its
 * retries and deadline) and reading the answer. A custom endpoint has no refresh token, so a
 * renewal sends the request again. Immutable; shows no part of the request.
 */
record CustomTokenSource(
    TokenEndpoint endpoint, OutboundRequest request, TokenAnswer answer, Clock clock)
    implements TokenSource {

  @Override
  public CompletionStage<Token> fetch() {
    Instant sentAt = clock.instant();
    return endpoint.send(request).thenApply(response -> answer.read(response, sentAt));
  }

  @Override
  public String toString() {
    return "CustomTokenSource[" + request + ", " + answer + "]";
  }
}
