package dev.keyway.auth.jwt;

import dev.keyway.spi.FormField;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenSource;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Obtains an access token with the jwt-bearer grant (RFC 7523 §2.1): signs a fresh assertion for
 * every token request — a server refuses a {@code jti} it has seen — and posts {@code
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=...}. Core's token cache calls
 * it once per token lifetime, and for a refresh too ({@link TokenSource#refresh} defaults to {@link
 * #fetch}): a new assertion is how this grant renews. Immutable; shows no assertion.
 */
final class JwtBearerSource implements TokenSource {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final String collection;
  private final TokenEndpoint endpoint;
  private final AssertionSigner signer;
  private final BearerClaims claims;
  private final Clock clock;

  JwtBearerSource(
      String collection,
      TokenEndpoint endpoint,
      AssertionSigner signer,
      BearerClaims claims,
      Clock clock) {
    this.collection = collection;
    this.endpoint = endpoint;
    this.signer = signer;
    this.claims = claims;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Token> fetch() {
    String assertion;
    try {
      assertion = signer.sign(claims.at(clock.instant()), collection);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    return endpoint.request(
        List.of(new FormField("grant_type", GRANT_TYPE), new FormField("assertion", assertion)));
  }

  @Override
  public String toString() {
    return "JwtBearerSource[" + collection + ", " + signer.algorithm() + "]";
  }
}
