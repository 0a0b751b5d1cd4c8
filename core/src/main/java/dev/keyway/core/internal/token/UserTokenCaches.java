package dev.keyway.core.internal.token;

import dev.keyway.api.Secret;
import dev.keyway.spi.NotConnectedException;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenSource;
import dev.keyway.spi.TokenStore;
import dev.keyway.spi.UserTokenCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * End users' tokens for one collection: a {@link SingleFlightTokenCache} per user in front of the
 * token store, so each user's token is refreshed once however many of the user's calls need it. A
 * user's token comes only from a connection ({@link #connect}); without one, or after the provider
 * refused the user's refresh token, {@link #get} fails with {@link NotConnectedException} and the
 * refused connection is deleted.
 *
 * <p>Thread-safe.
 */
public final class UserTokenCaches implements UserTokenCache {

  private final TokenKey key;
  private final TokenSource refresher;
  private final TokenStore store;
  private final Clock clock;
  private final Duration defaultLifetime;
  private final Consumer<Token> onIssued;
  private final ConcurrentMap<String, SingleFlightTokenCache> byUser = new ConcurrentHashMap<>();

  /** Creates the caches of {@code key}'s collection, environment and scope (its user is unset). */
  public UserTokenCaches(
      TokenKey key,
      TokenSource refresher,
      TokenStore store,
      Clock clock,
      Duration defaultLifetime,
      Consumer<Token> onIssued) {
    this.key = key;
    this.refresher = refresher;
    this.store = store;
    this.clock = clock;
    this.defaultLifetime = defaultLifetime;
    this.onIssued = onIssued;
  }

  @Override
  public CompletionStage<Token> get(String user) {
    return cache(user)
        .get()
        .exceptionallyCompose(
            error -> {
              if (notConnected(error) instanceof NotConnectedException refused
                  && refused.reason() == NotConnectedException.Reason.NEEDS_CONSENT) {
                return disconnect(user)
                    .thenCompose(ignored -> CompletableFuture.failedFuture(refused));
              }
              return CompletableFuture.failedFuture(error);
            });
  }

  @Override
  public void invalidate(String user, Secret rejected) {
    SingleFlightTokenCache cache = byUser.get(user);
    if (cache != null) {
      cache.invalidate(rejected);
    }
  }

  /** Stores {@code token} as {@code user}'s connection, replacing any earlier one. */
  public CompletionStage<Void> connect(String user, Token token) {
    Token complete = SingleFlightTokenCache.withExpiry(token, defaultLifetime);
    onIssued.accept(complete);
    return store.save(key.forUser(user), complete).thenRun(() -> byUser.remove(user));
  }

  /** Returns {@code user}'s stored connection, if any. */
  public CompletionStage<Optional<Token>> connection(String user) {
    return store.load(key.forUser(user));
  }

  /** Deletes {@code user}'s connection and returns the token it held, if any. */
  public CompletionStage<Optional<Token>> disconnect(String user) {
    TokenKey userKey = key.forUser(user);
    return store
        .load(userKey)
        .thenCompose(
            stored ->
                store
                    .delete(userKey)
                    .thenApply(
                        ignored -> {
                          byUser.remove(user);
                          return stored;
                        }));
  }

  private SingleFlightTokenCache cache(String user) {
    return byUser.computeIfAbsent(
        user,
        id ->
            new SingleFlightTokenCache(
                key.forUser(id),
                new UserSource(key.forUser(id)),
                store,
                clock,
                defaultLifetime,
                onIssued));
  }

  private static Throwable notConnected(Throwable error) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof NotConnectedException)) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public String toString() {
    return "UserTokenCaches[" + key.collection() + ", " + byUser.size() + " users]";
  }

  /**
   * A user's token source: it refreshes, and it cannot fetch — a token without a connection, or
   * whose refresh the provider refused, needs the user.
   */
  private final class UserSource implements TokenSource {
    private final TokenKey userKey;

    UserSource(TokenKey userKey) {
      this.userKey = userKey;
    }

    @Override
    public CompletionStage<Token> fetch() {
      return store
          .load(userKey)
          .thenCompose(
              stored ->
                  CompletableFuture.failedFuture(
                      new NotConnectedException(
                          userKey.collection(),
                          stored.isPresent()
                              ? NotConnectedException.Reason.NEEDS_CONSENT
                              : NotConnectedException.Reason.NOT_CONNECTED)));
    }

    @Override
    public CompletionStage<Token> refresh(Token current) {
      return refresher.refresh(current);
    }
  }
}
