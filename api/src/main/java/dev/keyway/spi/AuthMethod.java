package dev.keyway.spi;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Adds a collection's credentials to each outbound request. Created once per collection by an
 * {@link AuthProvider}, then used for every call, from many threads at once.
 *
 * <p>Core drives it like this, for each call:
 *
 * <pre>{@code
 * OutboundRequest signed = method.apply(request).toCompletableFuture().join(); // conceptually
 * ResponseHead head = send(signed);
 * if (method.shouldRetry(signed, head) && request.body() is replayable) {
 *   head = send(method.apply(request));   // at most once: core never loops
 * }
 * }</pre>
 *
 * <p>A static credential completes {@link #apply} at once. A token method gets its token from the
 * {@link TokenCache} that {@link AuthContext} offers, so caching, expiry and single-flight refresh
 * are never re-implemented by a plugin. {@code apply} runs on an event loop: it must not block.
 *
 * <p>Implementations must never put a credential in {@code toString()}, an exception message or a
 * log line; hold credentials as {@link dev.keyway.api.Secret}.
 */
@FunctionalInterface
public interface AuthMethod {

  /** Adds nothing: for public APIs, or when private call parameters carry the credentials. */
  AuthMethod NONE = CompletableFuture::completedFuture;

  /** Returns {@code request} with credentials added. Must not block. */
  CompletionStage<OutboundRequest> apply(OutboundRequest request);

  /**
   * Returns whether the request should be sent once more after this response, with credentials
   * applied anew, e.g. after a 401 for an access token the upstream revoked (the method invalidates
   * it first) or a Digest challenge. Core asks at most once per call.
   */
  default boolean shouldRetry(OutboundRequest sent, ResponseHead response) {
    return false;
  }

  /** Returns the client certificate to present in the TLS handshake with the upstream, if any. */
  default Optional<ClientCertificate> clientCertificate() {
    return Optional.empty();
  }

  /**
   * Returns the authorization-code flow through which end users connect their accounts, for a
   * method whose tokens belong to end users; core and the gateway run the flow with it.
   */
  default Optional<UserConsent> userConsent() {
    return Optional.empty();
  }
}
