package dev.keyway.spi;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The authorization-code flow (RFC 6749 §4.1) of a method whose tokens belong to end users: core
 * runs the flow — state, PKCE verifier, callback checks, storing the connection — and asks the
 * method only what is provider-specific: where the login dialog is, how to exchange a code, how to
 * read the user's profile, how to revoke. An {@link AuthMethod} offers it through {@link
 * AuthMethod#userConsent()}.
 */
public interface UserConsent {

  /** Returns the PKCE method to use (RFC 7636): {@code S256}, {@code plain}, or empty for none. */
  Optional<String> pkceMethod();

  /** Returns whether the provider calls back on the generic redirect URL, not the collection's. */
  boolean genericRedirectUrl();

  /**
   * Returns the issuer the callback's {@code iss} must name when the provider sends one (RFC 9207).
   */
  String issuer();

  /** Returns the login dialog URL for {@code request}, with every parameter the flow needs. */
  URI authorizationUrl(AuthorizationRequest request);

  /**
   * Exchanges {@code code} (with the PKCE verifier, if one was used) for the user's tokens, reads
   * the user's profile, and returns the connection to store. Fails with {@link
   * TokenRequestException} when the provider refuses.
   */
  CompletionStage<UserConnection> exchange(
      String code, String redirectUri, Optional<String> codeVerifier);

  /**
   * Revokes {@code token} at the provider (RFC 7009), or completes at once if it has no endpoint.
   */
  CompletionStage<Void> revoke(Token token);
}
