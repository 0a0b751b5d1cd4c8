package dev.keyway.core.internal.pipeline;

import dev.keyway.api.Secret;
import dev.keyway.core.internal.token.IssuedTokens;
import dev.keyway.core.redact.EchoMask;
import dev.keyway.spi.OutboundRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What one collection masks in its upstream's answers: its configured credentials (secret auth
 * settings and {@code ${secret:...}} values its settings use), the tokens recently issued for it,
 * and, per exchange, the {@code Authorization} and {@code Proxy-Authorization} values its auth
 * method set (a Basic or Digest header, a bearer token), with and without their scheme.
 *
 * <p>Immutable and thread-safe; the issued tokens are read as they are at each exchange.
 */
final class CollectionMask {

  private static final List<String> AUTHORIZATION_HEADERS =
      List.of("Authorization", "Proxy-Authorization");

  private final EchoMask configured;
  private final IssuedTokens tokens;
  private volatile Built last; // the mask of the last exchange; most exchanges reuse it

  /** A mask and what it was built from. */
  private record Built(EchoMask tokens, List<String> authorization, EchoMask mask) {}

  CollectionMask(EchoMask configured, IssuedTokens tokens) {
    this.configured = configured;
    this.tokens = tokens;
  }

  /**
   * Returns the mask for the answer to {@code signed}, which the auth method made of {@code
   * unsigned}. A static key or a cached token sets the same authorization value on every request,
   * so the mask of the previous exchange is reused until the tokens or that value change.
   */
  EchoMask forExchange(OutboundRequest unsigned, OutboundRequest signed) {
    EchoMask tokenMask = tokens.mask();
    List<String> authorization = authorizationValues(unsigned, signed);
    Built built = last;
    if (built != null
        && built.tokens() == tokenMask
        && built.authorization().equals(authorization)) {
      return built.mask();
    }
    List<Secret> set = new ArrayList<>();
    for (String value : authorization) {
      set.add(Secret.of(value));
      int space = value.indexOf(' ');
      if (space > 0) {
        set.add(Secret.of(value.substring(space + 1).trim()));
      }
    }
    EchoMask mask = configured.with(tokenMask).with(set);
    last = new Built(tokenMask, authorization, mask);
    return mask;
  }

  private static List<String> authorizationValues(
      OutboundRequest unsigned, OutboundRequest signed) {
    List<String> values = new ArrayList<>(1);
    for (String name : AUTHORIZATION_HEADERS) {
      List<String> before = unsigned.headers().all(name);
      for (String value : signed.headers().all(name)) {
        if (!before.contains(value)) {
          values.add(value);
        }
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return "CollectionMask[" + configured + ", " + tokens + "]";
  }
}
