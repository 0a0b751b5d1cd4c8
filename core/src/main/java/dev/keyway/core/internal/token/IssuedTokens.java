package dev.keyway.core.internal.token;

import dev.keyway.api.Secret;
import dev.keyway.core.redact.EchoMask;
import dev.keyway.core.redact.Redactor;
import dev.keyway.spi.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tokens recently issued for one collection: each is registered with the log redactor as it is
 * issued, and the most recent ones make up the collection's token mask for echoed responses. Older
 * tokens leave the mask (a token replaced {@value #KEPT} times over has long been retired) but stay
 * known to the global redactor.
 *
 * <p>Thread-safe.
 */
public final class IssuedTokens implements Consumer<Token> {

  /** How many access and refresh token values the mask holds. */
  static final int KEPT = 8;

  private final Deque<Secret> recent = new ArrayDeque<>(); // guarded by this
  private volatile EchoMask mask = EchoMask.NONE;

  /** Registers the access and refresh token of {@code token} with {@link Redactor#global()}. */
  public static void registerGlobally(Token token) {
    Redactor.global().registerIssued(token.accessToken());
    token.refreshToken().ifPresent(Redactor.global()::registerIssued);
  }

  @Override
  public void accept(Token token) {
    registerGlobally(token);
    synchronized (this) {
      remember(token.accessToken());
      token.refreshToken().ifPresent(this::remember);
      mask = EchoMask.of(List.copyOf(recent));
    }
  }

  private void remember(Secret value) {
    if (recent.stream().noneMatch(value::matches)) {
      recent.addFirst(value);
      while (recent.size() > KEPT) {
        recent.removeLast();
      }
    }
  }

  /** Returns the mask of the recently issued tokens. */
  public EchoMask mask() {
    return mask;
  }

  @Override
  public String toString() {
    return "IssuedTokens[" + mask + "]";
  }
}
