package dev.keyway.spi;

import dev.keyway.api.Secret;
import java.util.concurrent.CompletionStage;

/**
 * Core's cache of the tokens a {@link TokenSource} obtains, for one {@link TokenKey}. Get one from
 * {@link AuthContext#tokenCache}, and usually hand it straight to {@link AuthContext#tokenMethod}.
 *
 * <p>It hands out a cached token while it is valid, obtains a new one when there is none or it is
 * about to expire, and lets at most one token request per key run at a time: concurrent callers
 * wait for that request's result. Thread-safe; {@link #get()} never blocks.
 */
public interface TokenCache {

  /** Returns a valid token, obtaining one if needed. */
  CompletionStage<Token> get();

  /**
   * Drops the token whose access token is {@code rejected} if it is still the cached one (the
   * upstream refused it), so the next {@link #get()} obtains a new one. A token that was already
   * replaced is left alone.
   */
  void invalidate(Secret rejected);

  /** Drops {@code rejected} if it is still the cached token; see {@link #invalidate(Secret)}. */
  default void invalidate(Token rejected) {
    invalidate(rejected.accessToken());
  }
}
