package dev.keyway.core.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.core.MutableClock;
import dev.keyway.core.redact.Redactor;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The token cache's issuing hook and IssuedTokens")
class IssuedTokensTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger issued = new AtomicInteger();

  private static String unique(String kind) {
    return kind + "-" + UUID.randomUUID();
  }

  /** Issues a new one-minute token at each request; the first one carries a refresh token. */
  private final TokenSource source =
      new TokenSource() {
        @Override
        public CompletionStage<Token> fetch() {
          int n = issued.incrementAndGet();
          Token token =
              Token.bearer(Secret.of("access-" + n + "-" + UUID.randomUUID()), clock.instant())
                  .expiringAt(clock.instant().plus(Duration.ofMinutes(1)));
          return CompletableFuture.completedFuture(
              n == 1 ? token.withRefreshToken(Secret.of("refresh-" + UUID.randomUUID())) : token);
        }

        @Override
        public CompletionStage<Token> refresh(Token current) {
          return fetch();
        }
      };

  @Test
  @DisplayName("hands each accepted token to the hook once, before any caller gets it")
  void hookSeesEachTokenFirst() {
    List<Token> seen = new ArrayList<>();
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock, seen::add);

    Token first = cache.get().toCompletableFuture().join();
    cache.get().toCompletableFuture().join(); // cached: no new token
    clock.advance(Duration.ofMinutes(2));
    Token second = cache.get().toCompletableFuture().join();

    assertThat(seen).containsExactly(first, second);
    assertThat(second.refreshToken()).isPresent(); // the kept refresh token is handed on too
  }

  @Test
  @DisplayName("a cache made without a hook makes its tokens known to the log redactor")
  void defaultHookRegistersGlobally() {
    SingleFlightTokenCache cache = new SingleFlightTokenCache(source, clock);

    Token token = cache.get().toCompletableFuture().join();

    assertThat(Redactor.global().redact(token.accessToken().reveal())).doesNotContain("access-");
    assertThat(Redactor.global().redact(token.refreshToken().orElseThrow().reveal()))
        .doesNotContain("refresh-");
  }

  @Test
  @DisplayName("IssuedTokens masks the recent access and refresh tokens and registers them")
  void issuedTokensMask() {
    IssuedTokens tokens = new IssuedTokens();
    String access = unique("access");
    String refresh = unique("refresh");

    tokens.accept(
        Token.bearer(Secret.of(access), clock.instant()).withRefreshToken(Secret.of(refresh)));

    assertThat(tokens.mask().mask(access + " " + refresh))
        .doesNotContain(access)
        .doesNotContain(refresh);
    assertThat(Redactor.global().redact(access)).isEqualTo("*".repeat(access.length()));
  }

  @Test
  @DisplayName("IssuedTokens keeps only the most recent tokens in its mask")
  void keepsRecent() {
    IssuedTokens tokens = new IssuedTokens();
    String oldest = unique("oldest");
    tokens.accept(Token.bearer(Secret.of(oldest), clock.instant()));
    for (int i = 0; i < IssuedTokens.KEPT; i++) {
      tokens.accept(Token.bearer(Secret.of(unique("newer")), clock.instant()));
    }

    assertThat(tokens.mask().mask(oldest)).isEqualTo(oldest);
    assertThat(Redactor.global().redact(oldest)).isNotEqualTo(oldest); // still known to logs
  }
}
