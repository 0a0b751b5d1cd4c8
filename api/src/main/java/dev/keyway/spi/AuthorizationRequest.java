package dev.keyway.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What core asks the login dialog for: its {@code state} (single-use, at least 128 random bits),
 * the {@code redirect_uri} the provider calls back, and the PKCE challenge and its method when PKCE
 * is on.
 */
public record AuthorizationRequest(
    String state, String redirectUri, Optional<String> codeChallenge, Optional<String> method) {

  public AuthorizationRequest {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(method, "method");
  }

  /** Hides the state: it grants the right to finish a flow. */
  @Override
  public String toString() {
    return "AuthorizationRequest[" + redirectUri + ", pkce=" + method.orElse("off") + "]";
  }
}
