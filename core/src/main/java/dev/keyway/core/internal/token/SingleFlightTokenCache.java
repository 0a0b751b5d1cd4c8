package dev.keyway.core.internal.token;

import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Caches one token and renews it with at most one request in flight.
 *
 * <p>A token is renewed ahead of its expiry by a margin of 60 seconds, but never more than half its
 * lifetime, so a 30-second token is not renewed on every call. While a renewal runs, callers keep
 * getting the still-valid token; once it has expired, they wait for the renewal's result, and all
 * of them fail together if it fails. A token without a known expiry is kept for {@link
 * #DEFAULT_LIFETIME}. A renewal answer without a refresh token keeps the previous one.
 *
 * <p>Thread-safe. The hit path is one volatile read and a clock read; the lock is taken only when a
 * renewal may be needed, and never held while the source works.
 */
public final class SingleFlightTokenCache implements TokenCache {

  /** How long a token whose response said nothing of its expiry is kept. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  private final TokenSource source;
  private final Clock clock;
  private final Consumer<Token> onIssued;
  private final Object lock = new Object();

  private volatile Token current;
  private CompletableFuture<Token> renewal; // guarded by lock

  /** Creates a cache whose tokens are made known to the log redactor as they are issued. */
  public SingleFlightTokenCache(TokenSource source, Clock clock) {
    this(source, clock, IssuedTokens::registerGlobally);
  }

  /**
   * Creates a cache that hands each token it accepts to {@code onIssued} before any caller gets it,
   * so the token's values can be masked in logs and echoed responses from the first use on.
   */
  public SingleFlightTokenCache(TokenSource source, Clock clock, Consumer<Token> onIssued) {
    this.source = source;
    this.clock = clock;
    this.onIssued = onIssued;
  }

  @Override
  public CompletionStage<Token> get() {
    Token token = current;
    Instant now = clock.instant();
    if (token != null && now.isBefore(renewAt(token))) {
      return CompletableFuture.completedFuture(token);
    }
    CompletableFuture<Token> started;
    CompletableFuture<Token> pending;
    synchronized (lock) {
      token = current;
      if (token != null && now.isBefore(renewAt(token))) {
        return CompletableFuture.completedFuture(token);
      }
      started = renewal == null ? new CompletableFuture<>() : null;
      if (started != null) {
        renewal = started;
      }
      pending = renewal;
    }
    if (started != null) {
      renew(token, started);
    }
    if (token != null && now.isBefore(expiresAt(token))) {
      return CompletableFuture.completedFuture(token);
    }
    return pending.copy();
  }

  @Override
  public void invalidate(Token rejected) {
    synchronized (lock) {
      Token token = current;
      if (token != null && token.accessToken().matches(rejected.accessToken())) {
        // Keep its refresh token for the renewal, but never hand the access token out again.
        current = token.expiringAt(token.issuedAt());
      }
    }
  }

  private void renew(Token previous, CompletableFuture<Token> result) {
    CompletionStage<Token> stage;
    try {
      stage =
          previous != null && previous.refreshToken().isPresent()
              ? source.refresh(previous)
              : source.fetch();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (token, error) -> {
          Throwable failure =
              error == null && token == null
                  ? new IllegalStateException("the token source completed without a token")
                  : error;
          Token accepted = failure == null ? complete(token, previous) : null;
          if (accepted != null) {
            onIssued.accept(accepted);
          }
          synchronized (lock) {
            if (accepted != null) {
              current = accepted;
            }
            renewal = null;
          }
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(accepted);
          }
        });
  }

  private static Token complete(Token token, Token previous) {
    Token withExpiry =
        token.expiresAt().isPresent()
            ? token
            : token.expiringAt(token.issuedAt().plus(DEFAULT_LIFETIME));
    if (withExpiry.refreshToken().isEmpty()
        && previous != null
        && previous.refreshToken().isPresent()) {
      return withExpiry.withRefreshToken(previous.refreshToken().get());
    }
    return withExpiry;
  }

  private static Instant expiresAt(Token token) {
    return token.expiresAt().orElseThrow();
  }

  private static Instant renewAt(Token token) {
    Instant expiry = expiresAt(token);
    Duration lifetime = Duration.between(token.issuedAt(), expiry);
    Duration half = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2);
    Duration margin = half.compareTo(MAX_MARGIN) < 0 ? half : MAX_MARGIN;
    return expiry.minus(margin);
  }

  @Override
  public String toString() {
    return "SingleFlightTokenCache[" + (current == null ? "empty" : "holding a token") + "]";
  }
}
