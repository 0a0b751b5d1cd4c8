package dev.keyway.spi;

import java.util.concurrent.CompletionStage;

/**
 * Obtains tokens from an authorization server for one collection. A plugin implements it; core's
 * {@link TokenCache} decides when to call it, and never calls it twice at once for the same key.
 */
public interface TokenSource {

  /** Obtains a new token (a client-credentials, password, JWT-bearer or custom token request). */
  CompletionStage<Token> fetch();

  /**
   * Renews {@code current}, which has a refresh token. The default fetches a new token instead. If
   * the response has no refresh token, core keeps the previous one.
   */
  default CompletionStage<Token> refresh(Token current) {
    return fetch();
  }
}
