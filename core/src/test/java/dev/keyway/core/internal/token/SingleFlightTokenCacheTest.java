package dev.keyway.core.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.MutableClock;
import dev.keyway.core.tokens.InMemoryTokenStore;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.spi.TokenSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SingleFlightTokenCacheTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(START);

  /** A token source whose answers the test completes by hand. */
  private final class ManualSource implements TokenSource {
    final List<CompletableFuture<Token>> fetches = new ArrayList<>();
    final List<Token> refreshedFrom = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Token> fetch() {
      CompletableFuture<Token> answer = new CompletableFuture<>();
      fetches.add(answer);
      return answer;
    }

    @Override
    public synchronized CompletionStage<Token> refresh(Token current) {
      refreshedFrom.add(current);
      return fetch();
    }

    synchronized int requests() {
      return fetches.size();
    }

    synchronized CompletableFuture<Token> last() {
      return fetches.get(fetches.size() - 1);
    }
  }

  private Token token(String value, Duration lifetime) {
    Instant now = clock.instant();
    return new Token(
        Secret.of(value),
        "Bearer",
        Optional.empty(),
        now,
        Optional.ofNullable(lifetime).map(now::plus),
        Set.of());
  }

  private static String value(CompletionStage<Token> stage) {
    return stage.toCompletableFuture().join().accessToken().reveal();
  }

  @Test
  @DisplayName("200 concurrent callers with no token cause exactly one token request")
  void singleFlight() throws Exception {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch ready = new CountDownLatch(1);
    List<CompletableFuture<CompletionStage<Token>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(ready);
                return cache.get();
              },
              pool));
    }
    ready.countDown();
    List<CompletionStage<Token>> stages = new ArrayList<>();
    for (CompletableFuture<CompletionStage<Token>> call : calls) {
      stages.add(call.get(10, TimeUnit.SECONDS));
    }
    source.last().complete(token("t1", Duration.ofHours(1)));
    pool.shutdown();

    assertThat(source.requests()).isEqualTo(1);
    assertThat(stages).allSatisfy(stage -> assertThat(value(stage)).isEqualTo("t1"));
  }

  @Test
  @DisplayName("a valid token is served from the cache without a token request")
  void servesCached() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    CompletionStage<Token> first = cache.get();
    source.last().complete(token("t1", Duration.ofHours(1)));
    assertThat(value(first)).isEqualTo("t1");

    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofSeconds(10));
      assertThat(value(cache.get())).isEqualTo("t1");
    }
    assertThat(source.requests()).isEqualTo(1);
  }

  @Test
  @DisplayName("a 30-second token is renewed at half its lifetime, not on every call")
  void shortLivedToken() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofSeconds(30)));

    clock.advance(Duration.ofSeconds(14));
    assertThat(value(cache.get())).isEqualTo("t1");
    assertThat(source.requests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1)); // 15 s: half the lifetime
    CompletionStage<Token> during = cache.get();
    assertThat(source.requests()).isEqualTo(2);
    assertThat(value(during)).as("the still-valid token is served while renewing").isEqualTo("t1");
    assertThat(value(cache.get())).isEqualTo("t1");
    assertThat(source.requests()).as("no second renewal while one runs").isEqualTo(2);

    source.last().complete(token("t2", Duration.ofSeconds(30)));
    assertThat(value(cache.get())).isEqualTo("t2");
  }

  @Test
  @DisplayName("a long-lived token is renewed 60 seconds before it expires")
  void renewsAheadOfExpiry() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofHours(1)));

    clock.advance(Duration.ofMinutes(58).plusSeconds(59));
    cache.get();
    assertThat(source.requests()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    cache.get();
    assertThat(source.requests()).isEqualTo(2);
  }

  @Test
  @DisplayName("a token without a known expiry is kept for the default lifetime")
  void defaultLifetime() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", null));

    for (int i = 0; i < 50; i++) {
      cache.get();
    }
    assertThat(source.requests()).isEqualTo(1);
    Token cached = cache.get().toCompletableFuture().join();
    assertThat(cached.expiresAt()).contains(START.plus(SingleFlightTokenCache.DEFAULT_LIFETIME));
  }

  @Test
  @DisplayName("once the token has expired, callers wait for the renewal")
  void expiredTokenWaits() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofMinutes(10)));

    clock.advance(Duration.ofMinutes(11));
    CompletionStage<Token> waiting = cache.get();
    assertThat(waiting.toCompletableFuture()).isNotDone();
    source.last().complete(token("t2", Duration.ofMinutes(10)));
    assertThat(value(waiting)).isEqualTo("t2");
  }

  @Test
  @DisplayName("a token with a refresh token is renewed with it, and kept when the answer has none")
  void keepsRefreshToken() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofMinutes(10)).withRefreshToken(Secret.of("r1")));

    clock.advance(Duration.ofMinutes(11));
    CompletionStage<Token> renewed = cache.get();
    source.last().complete(token("t2", Duration.ofMinutes(10)));

    assertThat(source.refreshedFrom).hasSize(1);
    assertThat(source.refreshedFrom.get(0).refreshToken().orElseThrow().reveal()).isEqualTo("r1");
    Token t2 = renewed.toCompletableFuture().join();
    assertThat(t2.refreshToken().orElseThrow().reveal()).isEqualTo("r1");
  }

  @Test
  @DisplayName("a rotated refresh token replaces the previous one")
  void rotatesRefreshToken() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofMinutes(10)).withRefreshToken(Secret.of("r1")));
    clock.advance(Duration.ofMinutes(11));
    CompletionStage<Token> renewed = cache.get();
    source.last().complete(token("t2", Duration.ofMinutes(10)).withRefreshToken(Secret.of("r2")));

    assertThat(renewed.toCompletableFuture().join().refreshToken().orElseThrow().reveal())
        .isEqualTo("r2");
  }

  @Test
  @DisplayName("invalidating the cached token makes the next get obtain a new one")
  void invalidate() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofHours(1)));
    Token used = cache.get().toCompletableFuture().join();

    cache.invalidate(used);
    CompletionStage<Token> next = cache.get();
    assertThat(source.requests()).isEqualTo(2);
    assertThat(next.toCompletableFuture()).as("the rejected token is never served").isNotDone();
    source.last().complete(token("t2", Duration.ofHours(1)));
    assertThat(value(next)).isEqualTo("t2");
  }

  @Test
  @DisplayName("invalidating a token that was already replaced changes nothing")
  void invalidateStale() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofHours(1)));
    Token old = cache.get().toCompletableFuture().join();
    cache.invalidate(old);
    cache.get();
    source.last().complete(token("t2", Duration.ofHours(1)));

    cache.invalidate(old);
    assertThat(value(cache.get())).isEqualTo("t2");
    assertThat(source.requests()).isEqualTo(2);
  }

  @Test
  @DisplayName("a failed token request fails every waiting caller, and the next get tries again")
  void failureFailsAllWaiters() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    CompletionStage<Token> a = cache.get();
    CompletionStage<Token> b = cache.get();
    source.last().completeExceptionally(new IllegalStateException("token endpoint answered 500"));

    assertThatThrownBy(() -> a.toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("token endpoint answered 500");
    assertThatThrownBy(() -> b.toCompletableFuture().join())
        .isInstanceOf(CompletionException.class);
    assertThat(source.requests()).isEqualTo(1);

    CompletionStage<Token> retry = cache.get();
    assertThat(source.requests()).isEqualTo(2);
    source.last().complete(token("t1", Duration.ofHours(1)));
    assertThat(value(retry)).isEqualTo("t1");
  }

  @Test
  @DisplayName("a token source that throws instead of failing its stage fails the call cleanly")
  void throwingSource() {
    AtomicInteger calls = new AtomicInteger();
    TokenSource throwing =
        () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("boom");
        };
    SingleFlightTokenCache cache = new SingleFlightTokenCache(throwing, clock);
    assertThatThrownBy(() -> cache.get().toCompletableFuture().join()).hasRootCauseMessage("boom");
    assertThatThrownBy(() -> cache.get().toCompletableFuture().join()).hasRootCauseMessage("boom");
    assertThat(calls).hasValue(2);
  }

  @Test
  @DisplayName("its toString never shows a token")
  void toStringMasked() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("very-secret-token", Duration.ofHours(1)));
    assertThat(cache.toString()).doesNotContain("very-secret-token");
    assertThat(cache.get().toCompletableFuture().join().toString())
        .doesNotContain("very-secret-token");
  }

  @Test
  @DisplayName("a hit hands out the same completed stage: nothing is allocated per call")
  void hitAllocatesNothing() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get();
    source.last().complete(token("t1", Duration.ofHours(1)));

    Object first = cache.get();
    assertThat(first).isSameAs(cache.get());
  }

  @Test
  @DisplayName("a token response without expires_in expires at the access token's JWT exp")
  void jwtExpiry() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    Instant exp = START.plus(Duration.ofMinutes(20));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"sub\":\"x\",\"exp\":" + exp.getEpochSecond() + "}")
                    .getBytes(StandardCharsets.UTF_8));
    CompletionStage<Token> first = cache.get();
    source.last().complete(token("eyJhbGciOiJIUzI1NiJ9." + payload + ".c2ln", null));

    assertThat(first.toCompletableFuture().join().expiresAt()).contains(exp);
    clock.advance(Duration.ofMinutes(18));
    cache.get();
    assertThat(source.requests()).as("still 60 s before exp").isEqualTo(1);
  }

  @Test
  @DisplayName("an opaque token with dots is not mistaken for a JWT")
  void opaqueWithDots() {
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    CompletionStage<Token> first = cache.get();
    source.last().complete(token("abc.def!.ghi", null));

    assertThat(first.toCompletableFuture().join().expiresAt())
        .contains(START.plus(SingleFlightTokenCache.DEFAULT_LIFETIME));
  }

  @Test
  @DisplayName("a refresh refused with invalid_grant drops the refresh token and gets a new grant")
  void invalidGrantFallsBackToAGrant() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source =
        new TokenSource() {
          @Override
          public CompletionStage<Token> fetch() {
            fetches.incrementAndGet();
            return CompletableFuture.completedFuture(
                token("fresh-" + fetches.get(), Duration.ofMinutes(10))
                    .withRefreshToken(Secret.of("r-" + fetches.get())));
          }

          @Override
          public CompletionStage<Token> refresh(Token current) {
            return CompletableFuture.failedFuture(
                new TokenRequestException("invalid_grant", 400, "refused", null));
          }
        };
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    assertThat(value(cache.get())).isEqualTo("fresh-1");

    clock.advance(Duration.ofMinutes(11));
    Token renewed = cache.get().toCompletableFuture().join();
    assertThat(renewed.accessToken().reveal()).isEqualTo("fresh-2");
    assertThat(renewed.refreshToken().orElseThrow().reveal()).isEqualTo("r-2");
  }

  @Test
  @DisplayName("a refresh that fails otherwise is not replaced by a new grant")
  void otherRefreshFailure() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source =
        new TokenSource() {
          @Override
          public CompletionStage<Token> fetch() {
            fetches.incrementAndGet();
            return CompletableFuture.completedFuture(
                token("t", Duration.ofMinutes(10)).withRefreshToken(Secret.of("r")));
          }

          @Override
          public CompletionStage<Token> refresh(Token current) {
            return CompletableFuture.failedFuture(
                new TokenRequestException("unreachable", 0, "down", null));
          }
        };
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);
    cache.get().toCompletableFuture().join();
    clock.advance(Duration.ofMinutes(11));

    assertThatThrownBy(() -> cache.get().toCompletableFuture().join())
        .hasCauseInstanceOf(TokenRequestException.class);
    assertThat(fetches).hasValue(1);
  }

  @Test
  @DisplayName("caches sharing a store reuse the token another one renewed, with no request")
  void sharedStore() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    TokenKey key = TokenKey.of("bank", Environment.DEV, "");
    ManualSource source = new ManualSource();
    SingleFlightTokenCache first =
        new SingleFlightTokenCache(key, source, store, clock, Duration.ofMinutes(5), t -> {});
    SingleFlightTokenCache second =
        new SingleFlightTokenCache(key, source, store, clock, Duration.ofMinutes(5), t -> {});

    CompletionStage<Token> fromFirst = first.get();
    source.last().complete(token("t1", Duration.ofHours(1)));
    assertThat(value(fromFirst)).isEqualTo("t1");

    assertThat(value(second.get())).isEqualTo("t1");
    assertThat(source.requests()).isEqualTo(1);
  }

  @Test
  @DisplayName("a token the upstream refused is not taken back from the store")
  void refusedNotReusedFromStore() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    TokenKey key = TokenKey.of("bank", Environment.DEV, "");
    ManualSource source = new ManualSource();
    SingleFlightTokenCache cache =
        new SingleFlightTokenCache(key, source, store, clock, Duration.ofMinutes(5), t -> {});
    cache.get();
    source.last().complete(token("t1", Duration.ofHours(1)));
    Token used = cache.get().toCompletableFuture().join();

    cache.invalidate(used);
    CompletionStage<Token> next = cache.get();
    assertThat(source.requests()).isEqualTo(2);
    source.last().complete(token("t2", Duration.ofHours(1)));
    assertThat(value(next)).isEqualTo("t2");
    assertThat(store.load(key).toCompletableFuture().join().orElseThrow().accessToken().reveal())
        .isEqualTo("t2");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
