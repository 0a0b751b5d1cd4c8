package dev.keyway.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryTokenStoreTest {

  private static final TokenKey KEY = TokenKey.of("bank", Environment.DEV, "read");

  private static Token token(String value) {
    return Token.bearer(Secret.of(value), Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static Optional<String> stored(InMemoryTokenStore store, TokenKey key) {
    return store.load(key).toCompletableFuture().join().map(t -> t.accessToken().reveal());
  }

  @Test
  @DisplayName("saves, loads and deletes per key; user and scope make different keys")
  void saveLoadDelete() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(KEY, token("a"));
    store.save(KEY.forUser("u1"), token("b"));

    assertThat(stored(store, KEY)).contains("a");
    assertThat(stored(store, KEY.forUser("u1"))).contains("b");
    assertThat(stored(store, TokenKey.of("bank", Environment.LIVE, "read"))).isEmpty();
    store.delete(KEY);
    assertThat(stored(store, KEY)).isEmpty();
  }

  @Test
  @DisplayName("renewals of one key run one after the other, each seeing the previous result")
  void serialRenewals() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    CompletableFuture<Token> firstAnswer = new CompletableFuture<>();
    CompletionStage<Token> first = store.renew(KEY, stored -> firstAnswer);
    AtomicReference<Optional<Token>> seenBySecond = new AtomicReference<>();
    CompletionStage<Token> second =
        store.renew(
            KEY,
            stored -> {
              seenBySecond.set(stored);
              return CompletableFuture.completedFuture(stored.orElseThrow());
            });

    assertThat(seenBySecond.get()).as("waits for the first renewal").isNull();
    firstAnswer.complete(token("t1"));
    assertThat(first.toCompletableFuture().join().accessToken().reveal()).isEqualTo("t1");
    assertThat(second.toCompletableFuture().join().accessToken().reveal()).isEqualTo("t1");
    assertThat(seenBySecond.get().orElseThrow().accessToken().reveal()).isEqualTo("t1");
  }

  @Test
  @DisplayName("a failed renewal leaves the stored token and lets the next renewal run")
  void failedRenewal() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(KEY, token("old"));

    assertThatThrownBy(
            () ->
                store
                    .renew(
                        KEY,
                        stored -> CompletableFuture.failedFuture(new IllegalStateException("x")))
                    .toCompletableFuture()
                    .join())
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(stored(store, KEY)).contains("old");
    assertThat(
            store
                .renew(KEY, stored -> CompletableFuture.completedFuture(token("new")))
                .toCompletableFuture()
                .join()
                .accessToken()
                .reveal())
        .isEqualTo("new");
    assertThat(stored(store, KEY)).contains("new");
  }

  @Test
  @DisplayName("a renewal function that throws fails its stage, not the caller's thread")
  void throwingRenewal() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    CompletionStage<Token> renewed =
        store.renew(
            KEY,
            stored -> {
              throw new IllegalStateException("boom");
            });
    assertThatThrownBy(() -> renewed.toCompletableFuture().join())
        .hasCauseInstanceOf(IllegalStateException.class);
  }
}
