package dev.keyway.spi;

import dev.keyway.api.Secret;
import java.util.concurrent.CompletionStage;

/**
 * Core's cache of end users' tokens for one collection, in front of the token store: a token per
 * user, renewed with its refresh token, single-flight per user. A user who never connected, or
 * whose refresh token the provider refused, gets a {@link NotConnectedException}: only the user can
 * fix that, by connecting again. Get one from {@link AuthContext#userTokenCache}.
 */
public interface UserTokenCache {

  /** Returns {@code user}'s valid token, refreshing it if needed. */
  CompletionStage<Token> get(String user);

  /** Drops {@code user}'s token whose access token is {@code rejected}, if it is still cached. */
  void invalidate(String user, Secret rejected);
}
