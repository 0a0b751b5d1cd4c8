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

  CollectionMask(EchoMask configured, IssuedTokens tokens) {
    this.configured = configured;
    this.tokens = tokens;
  }

  /**
   * Returns the mask for the answer to {@code signed}, which the auth method made of {@code
   * unsigned}.
   */
  EchoMask forExchange(OutboundRequest unsigned, OutboundRequest signed) {
    EchoMask mask = configured.with(tokens.mask());
    List<Secret> set = authorizationValues(unsigned, signed);
    return set.isEmpty() ? mask : mask.with(set);
  }

  private static List<Secret> authorizationValues(
      OutboundRequest unsigned, OutboundRequest signed) {
    List<Secret> values = new ArrayList<>();
    for (String name : AUTHORIZATION_HEADERS) {
      List<String> before = unsigned.headers().all(name);
      for (String value : signed.headers().all(name)) {
        if (!before.contains(value)) {
          values.add(Secret.of(value));
          int space = value.indexOf(' ');
          if (space > 0) {
            values.add(Secret.of(value.substring(space + 1).trim()));
          }
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
