package dev.keyway.spi;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Where core keeps tokens between uses: in memory by default, or durably (encrypted) so tokens
 * survive restarts and several gateway nodes share them. Core's token cache sits in front of it;
 * auth methods never see the store.
 *
 * <p>The hard part is {@link #renew}: a store shared by several nodes must let one of them renew a
 * key's token at a time, and hand the others the result, so a rotating refresh token is never used
 * twice:
 *
 * <pre>{@code
 * store.renew(key, stored -> stillGood(stored) ? completedStage(stored.get()) : source.refresh(...))
 * }</pre>
 *
 * <p>Implementations are thread-safe and never block the calling thread (run blocking I/O on a
 * scheduler of their own). They hold tokens as {@link dev.keyway.api.Secret}s and never log one.
 */
public interface TokenStore {

  /** Returns the token stored for {@code key}, if any. */
  CompletionStage<Optional<Token>> load(TokenKey key);

  /**
   * Renews the token of {@code key} while holding the key exclusively, against every other user of
   * this store: {@code renewal} gets the token stored at that moment (it may be newer than the one
   * the caller saw, if another node renewed it meanwhile) and returns the token to keep — that same
   * token when it is still good, or a new one. The store keeps the result before the returned stage
   * completes, so a rotated refresh token is stored before the new access token is used. If {@code
   * renewal} fails, the stored token stays as it was and the returned stage fails the same way.
   */
  CompletionStage<Token> renew(
      TokenKey key, Function<Optional<Token>, CompletionStage<Token>> renewal);

  /** Stores {@code token} for {@code key}, replacing any other (e.g. a user just connected). */
  CompletionStage<Void> save(TokenKey key, Token token);

  /** Forgets the token of {@code key} (e.g. a user disconnected). */
  CompletionStage<Void> delete(TokenKey key);
}
