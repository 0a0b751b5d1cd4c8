package dev.keyway.core.internal.token;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.config.AuthPolicy;
import dev.keyway.core.tokens.InMemoryTokenStore;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.spi.TokenSource;
import dev.keyway.spi.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Caches the token of one {@link TokenKey} in front of a {@link TokenStore}, and renews it with at
 * most one request in flight.
 *
 * <p>A token is renewed ahead of its expiry by a margin of 60 seconds, but never more than half its
 * lifetime, so a 30-second token is not renewed on every call. While a renewal runs, callers keep
 * getting the still-valid token; once it has expired (or the upstream refused it), they wait for
 * the renewal's result, and all of them fail together if it fails. A token whose response said
 * nothing of its expiry expires at its JWT {@code exp} claim if it is a JWT, else after the
 * configured default lifetime.
 *
 * <p>A renewal goes through {@link TokenStore#renew}: when another user of the store renewed the
 * token meanwhile, its token is taken and no request is sent. Otherwise a token with a refresh
 * token is refreshed; an answer without a refresh token keeps the previous one, and a refused
 * refresh ({@code invalid_grant}) drops the refresh token and asks the source for a new grant.
 *
 * <p>Thread-safe. The hit path is one volatile read and a clock read, and allocates nothing; the
 * lock is taken only when a renewal may be needed, and never held while the source works.
 */
public final class SingleFlightTokenCache implements TokenCache {

  /** How long a token of unknown expiry is kept unless the collection says otherwise. */
  public static final Duration DEFAULT_LIFETIME = AuthPolicy.DEFAULT.defaultTokenLifetime();

  private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  private final TokenKey key;
  private final TokenSource source;
  private final TokenStore store;
  private final Clock clock;
  private final Duration defaultLifetime;
  private final Consumer<Token> onIssued;
  private final Object lock = new Object();

  private volatile Held held;
  private volatile Secret rejected;
  private CompletableFuture<Token> renewal; // guarded by lock

  /**
   * Creates a stand-alone cache, with a store of its own, whose tokens are made known to the log
   * redactor as they are issued.
   */
  public SingleFlightTokenCache(TokenSource source, Clock clock) {
    this(source, clock, IssuedTokens::registerGlobally);
  }

  /**
   * Creates a stand-alone cache, with a store of its own, that hands each token to {@code
   * onIssued}.
   */
  public SingleFlightTokenCache(TokenSource source, Clock clock, Consumer<Token> onIssued) {
    this(
        TokenKey.of("standalone", Environment.DEV, ""),
        source,
        new InMemoryTokenStore(),
        clock,
        DEFAULT_LIFETIME,
        onIssued);
  }

  /**
   * Creates a cache for {@code key} filled by {@code source} through {@code store}, which hands
   * each token it accepts to {@code onIssued} before any caller gets it, so the token's values can
   * be masked in logs and echoed responses from the first use on.
   */
  public SingleFlightTokenCache(
      TokenKey key,
      TokenSource source,
      TokenStore store,
      Clock clock,
      Duration defaultLifetime,
      Consumer<Token> onIssued) {
    this.key = key;
    this.source = source;
    this.store = store;
    this.clock = clock;
    this.defaultLifetime = defaultLifetime;
    this.onIssued = onIssued;
  }

  @Override
  public CompletionStage<Token> get() {
    Held current = held;
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.renewAt)) {
      return current.stage;
    }
    CompletableFuture<Token> started;
    CompletableFuture<Token> pending;
    synchronized (lock) {
      current = held;
      if (current != null && now.isBefore(current.renewAt)) {
        return current.stage;
      }
      started = renewal == null ? new CompletableFuture<>() : null;
      if (started != null) {
        renewal = started;
      }
      pending = renewal;
    }
    if (started != null) {
      renew(current == null ? null : current.token, started);
    }
    if (current != null && now.isBefore(current.expiresAt)) {
      return current.stage;
    }
    return pending.copy();
  }

  @Override
  public void invalidate(Secret rejectedToken) {
    synchronized (lock) {
      Held current = held;
      if (current != null && current.token.accessToken().matches(rejectedToken)) {
        rejected = rejectedToken;
        // Keep its refresh token for the renewal, but never hand the access token out again.
        held = new Held(current.token, current.token.issuedAt(), current.token.issuedAt());
      }
    }
  }

  private void renew(Token previous, CompletableFuture<Token> result) {
    CompletionStage<Token> renewed;
    try {
      renewed = store.renew(key, stored -> reuseOrObtain(stored, previous));
    } catch (RuntimeException e) {
      renewed = CompletableFuture.failedFuture(e);
    }
    renewed.whenComplete(
        (token, error) -> {
          Throwable failure =
              error == null && token == null
                  ? new IllegalStateException("the token store completed without a token")
                  : error;
          synchronized (lock) {
            if (failure == null) {
              held = hold(token);
            }
            renewal = null;
          }
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(token);
          }
        });
  }

  /** Returns the stored token if another renewal left a good one, else obtains a new one. */
  private CompletionStage<Token> reuseOrObtain(Optional<Token> stored, Token previous) {
    if (stored.isPresent() && isGood(stored.get())) {
      return CompletableFuture.completedFuture(stored.get());
    }
    Token base = stored.orElse(previous);
    if (base != null && base.refreshToken().isPresent()) {
      return call(() -> source.refresh(base))
          .handle(
              (token, error) -> {
                if (error == null) {
                  return CompletableFuture.completedFuture(issued(token, base));
                }
                if (invalidGrant(error)) {
                  // The refresh token is spent or revoked: drop it and try a new grant.
                  return call(source::fetch).thenApply(fresh -> issued(fresh, null));
                }
                return CompletableFuture.<Token>failedFuture(error);
              })
          .thenCompose(stage -> stage);
    }
    return call(source::fetch).thenApply(token -> issued(token, null));
  }

  private boolean isGood(Token token) {
    Secret refused = rejected;
    return token.expiresAt().isPresent()
        && clock.instant().isBefore(hold(token).renewAt)
        && (refused == null || !refused.matches(token.accessToken()));
  }

  /** Completes {@code token}'s expiry and refresh token, and makes it known to {@code onIssued}. */
  private Token issued(Token token, Token previous) {
    if (token == null) {
      throw new IllegalStateException("the token source completed without a token");
    }
    Token complete = withExpiry(token, defaultLifetime);
    if (previous != null) {
      if (complete.refreshToken().isEmpty() && previous.refreshToken().isPresent()) {
        complete = complete.withRefreshToken(previous.refreshToken().get());
      }
      if (complete.details().isEmpty()) {
        complete = complete.withDetails(previous.details()); // whose token it is stays the same
      }
    }
    onIssued.accept(complete);
    return complete;
  }

  /**
   * Returns {@code token} with an expiry: its own, else its JWT {@code exp}, else {@code
   * defaultLifetime} after it was issued.
   */
  public static Token withExpiry(Token token, Duration defaultLifetime) {
    return token.expiresAt().isPresent()
        ? token
        : token.expiringAt(
            JwtExpiry.of(token.accessToken()).orElse(token.issuedAt().plus(defaultLifetime)));
  }

  private static boolean invalidGrant(Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof TokenRequestException request && request.isInvalidGrant()) {
        return true;
      }
      cause = cause.getCause();
    }
    return false;
  }

  private static CompletableFuture<Token> call(
      java.util.function.Supplier<CompletionStage<Token>> step) {
    try {
      return step.get().toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Held hold(Token token) {
    Instant expiry = token.expiresAt().orElseThrow();
    Duration lifetime = Duration.between(token.issuedAt(), expiry);
    Duration half = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2);
    Duration margin = half.compareTo(MAX_MARGIN) < 0 ? half : MAX_MARGIN;
    return new Held(token, expiry.minus(margin), expiry);
  }

  @Override
  public String toString() {
    return "SingleFlightTokenCache["
        + key
        + ", "
        + (held == null ? "empty" : "holding a token")
        + "]";
  }

  /** A token with the instants that decide its use, and the stage every hit returns. */
  private static final class Held {
    final Token token;
    final Instant renewAt;
    final Instant expiresAt;
    final CompletionStage<Token> stage;

    Held(Token token, Instant renewAt, Instant expiresAt) {
      this.token = token;
      this.renewAt = renewAt;
      this.expiresAt = expiresAt;
      this.stage = CompletableFuture.completedStage(token);
    }
  }
}
