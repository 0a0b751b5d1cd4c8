package dev.keyway.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.api.Secret;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Signs a new JWT whenever core's token cache asks for one: {@code iat} a minute in the past (so an
 * upstream whose clock runs a little behind accepts it, as GitHub recommends), {@code exp} one
 * lifetime after {@code iat}, a random {@code jti}, and the configured claims. The cache renews the
 * token ahead of its expiry, so a JWT is signed once per lifetime, never per request.
 */
final class JwtMinter implements TokenSource {

  /** How far {@code iat} is set in the past. */
  static final Duration BACKDATE = Duration.ofMinutes(1);

  private final String collection;
  private final SigningKey key;
  private final Optional<String> keyId;
  private final ClaimsTemplate claims;
  private final Duration lifetime;
  private final Clock clock;

  JwtMinter(
      String collection,
      SigningKey key,
      Optional<String> keyId,
      ClaimsTemplate claims,
      Duration lifetime,
      Clock clock) {
    this.collection = collection;
    this.key = key;
    this.keyId = keyId;
    this.claims = claims;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Token> fetch() {
    try {
      return CompletableFuture.completedFuture(mint());
    } catch (JOSEException | RuntimeException e) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "collection "
                  + collection
                  + ": the JWT could not be signed ("
                  + e.getClass().getSimpleName()
                  + ")"));
    }
  }

  private Token mint() throws JOSEException {
    Instant now = clock.instant();
    Instant issuedAt = now.minus(BACKDATE);
    Instant expiresAt = issuedAt.plus(lifetime);
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString());
    claims.issuer().ifPresent(builder::issuer);
    claims.subject().ifPresent(builder::subject);
    if (!claims.audience().isEmpty()) {
      builder.audience(claims.audience());
    }
    claims.others().forEach(builder::claim);
    JWSHeader.Builder header = new JWSHeader.Builder(key.algorithm()).type(JOSEObjectType.JWT);
    keyId.ifPresent(header::keyID);
    SignedJWT jwt = new SignedJWT(header.build(), builder.build());
    jwt.sign(key.signer());
    return new Token(
        Secret.of(jwt.serialize()), "JWT", Optional.empty(), now, Optional.of(expiresAt), Set.of());
  }

  @Override
  public String toString() {
    return "JwtMinter[" + collection + ", " + key.algorithm().getName() + "]";
  }
}
