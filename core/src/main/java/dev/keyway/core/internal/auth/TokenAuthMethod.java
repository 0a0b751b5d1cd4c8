package dev.keyway.core.internal.auth;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenPlacement;
import java.util.concurrent.CompletionStage;

/**
 * Puts a cached token on each request, and after a refusal drops the token the request carried (if
 * it is still the cached one) and asks core for one more try, which gets a new token. Core never
 * asks twice for one call, so an upstream that refuses every token costs one retry, not a loop.
 */
final class TokenAuthMethod implements AuthMethod {

  private final TokenCache cache;
  private final TokenPlacement placement;
  private final AuthFailures failures;

  TokenAuthMethod(TokenCache cache, TokenPlacement placement, AuthFailures failures) {
    this.cache = cache;
    this.placement = placement;
    this.failures = failures;
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    return cache.get().thenApply(token -> placement.place(request, token));
  }

  @Override
  public boolean shouldRetry(OutboundRequest sent, ResponseHead response) {
    if (!failures.test(response)) {
      return false;
    }
    placement.find(sent).ifPresent(cache::invalidate);
    return true;
  }

  @Override
  public String toString() {
    return "TokenAuthMethod[" + placement + "]";
  }
}
