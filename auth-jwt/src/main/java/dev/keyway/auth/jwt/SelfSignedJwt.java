package dev.keyway.auth.jwt;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import java.util.concurrent.CompletionStage;

/**
 * Sets {@code Authorization: <scheme> <jwt>} with the JWT core's token cache holds, which {@link
 * JwtMinter} signs once per lifetime. After a 401 it drops that JWT and asks core to send once more
 * with a new one. The header text is kept with its token so a request costs no string building.
 * Thread-safe; {@link #toString()} names the algorithm only.
 */
final class SelfSignedJwt implements AuthMethod {

  private static final String HEADER = "Authorization";

  private final TokenCache cache;
  private final String scheme;
  private final String algorithm;
  private volatile Signed last;

  SelfSignedJwt(TokenCache cache, String scheme, String algorithm) {
    this.cache = cache;
    this.scheme = scheme;
    this.algorithm = algorithm;
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    return cache.get().thenApply(token -> request.withHeader(HEADER, header(token)));
  }

  private String header(Token token) {
    Signed signed = last;
    if (signed != null && signed.token == token) {
      return signed.header;
    }
    signed = new Signed(token, scheme + " " + token.accessToken().reveal());
    last = signed;
    return signed.header;
  }

  @Override
  public boolean shouldRetry(OutboundRequest sent, ResponseHead response) {
    if (response.status() != 401) {
      return false;
    }
    Signed signed = last;
    if (signed != null && sent.headers().first(HEADER).filter(signed.header::equals).isPresent()) {
      cache.invalidate(signed.token);
    }
    return true;
  }

  @Override
  public String toString() {
    return "jwt-self-signed[" + algorithm + "]";
  }

  /** A token and its header value. Not a record: it must not print them. */
  private static final class Signed {
    final Token token;
    final String header;

    Signed(Token token, String header) {
      this.token = token;
      this.header = header;
    }

    @Override
    public String toString() {
      return "Signed[****]";
    }
  }
}
