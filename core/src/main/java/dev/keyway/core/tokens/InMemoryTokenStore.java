package dev.keyway.core.tokens;

import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Keeps tokens in this process's memory: the library's default, lost on restart. Renewals of one
 * key run one after the other (each waits for the previous one to finish, without blocking a
 * thread), so several {@code Keyway} instances that share one store never renew a token twice.
 *
 * <p>Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore {

  private final ConcurrentMap<TokenKey, Token> tokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<TokenKey, CompletableFuture<Void>> renewals =
      new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Optional<Token>> load(TokenKey key) {
    return CompletableFuture.completedFuture(Optional.ofNullable(tokens.get(key)));
  }

  @Override
  public CompletionStage<Token> renew(
      TokenKey key, Function<Optional<Token>, CompletionStage<Token>> renewal) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<Void> previous = renewals.put(key, done);
    CompletableFuture<Void> turn =
        previous == null ? CompletableFuture.completedFuture(null) : previous;
    CompletableFuture<Token> result =
        turn.thenCompose(ignored -> renewal.apply(Optional.ofNullable(tokens.get(key))))
            .thenApply(
                token -> {
                  tokens.put(key, token);
                  return token;
                });
    result.whenComplete(
        (token, error) -> {
          renewals.remove(key, done);
          done.complete(null);
        });
    return result;
  }

  @Override
  public CompletionStage<Void> save(TokenKey key, Token token) {
    tokens.put(key, token);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> delete(TokenKey key) {
    tokens.remove(key);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore[" + tokens.size() + " tokens]";
  }
}
