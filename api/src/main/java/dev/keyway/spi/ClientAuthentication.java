package dev.keyway.spi;

/**
 * Authenticates the client (the application registered at the authorization server) on a token
 * request: {@code client_secret_basic}, {@code client_secret_post} and {@code none} come with core
 * (RFC 6749 §2.3), {@code private_key_jwt} (RFC 7523 §2.2) with {@code keyway-auth-jwt}, and a
 * plugin can add another through a {@link ClientAuthenticationProvider}.
 *
 * <p>Thread-safe; called once per token request, so it may sign a fresh assertion each time.
 */
@FunctionalInterface
public interface ClientAuthentication {

  /** Returns {@code request}, a form POST to the token endpoint, with the client's credentials. */
  OutboundRequest authenticate(OutboundRequest request);
}
