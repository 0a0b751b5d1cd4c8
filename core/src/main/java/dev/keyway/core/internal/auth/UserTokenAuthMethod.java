package dev.keyway.core.internal.auth;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.NotConnectedException;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.TokenPlacement;
import dev.keyway.spi.UserConsent;
import dev.keyway.spi.UserTokenCache;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Puts the token of the request's end user on each request; a request without an end user fails
 * with {@link NotConnectedException} before anything is sent. Refusals are handled as by {@link
 * TokenAuthMethod}, per user.
 */
final class UserTokenAuthMethod implements AuthMethod {

  private final String collection;
  private final UserTokenCache cache;
  private final TokenPlacement placement;
  private final AuthFailures failures;
  private final UserConsent consent;

  UserTokenAuthMethod(
      String collection,
      UserTokenCache cache,
      TokenPlacement placement,
      AuthFailures failures,
      UserConsent consent) {
    this.collection = collection;
    this.cache = cache;
    this.placement = placement;
    this.failures = failures;
    this.consent = consent;
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    Optional<String> user = request.user();
    if (user.isEmpty()) {
      return CompletableFuture.failedFuture(
          new NotConnectedException(collection, NotConnectedException.Reason.NO_USER));
    }
    return cache.get(user.get()).thenApply(token -> placement.place(request, token));
  }

  @Override
  public boolean shouldRetry(OutboundRequest sent, ResponseHead response) {
    if (!failures.test(response) || sent.user().isEmpty()) {
      return false;
    }
    placement.find(sent).ifPresent(token -> cache.invalidate(sent.user().get(), token));
    return true;
  }

  @Override
  public Optional<UserConsent> userConsent() {
    return Optional.of(consent);
  }

  @Override
  public String toString() {
    return "UserTokenAuthMethod[" + collection + ", " + placement + "]";
  }
}
