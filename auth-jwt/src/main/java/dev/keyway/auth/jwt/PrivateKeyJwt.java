package dev.keyway.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.keyway.spi.ClientAuthentication;
import dev.keyway.spi.OutboundRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Authenticates the client with a signed JWT (RFC 7523 §2.2, OpenID Connect Core §9 {@code
 * private_key_jwt}): adds {@code client_assertion_type} and a {@code client_assertion} with {@code
 * iss = sub =} the client id, {@code aud =} the token endpoint URL, {@code iat}, {@code exp} a
 * minute later and a random {@code jti} to the token request's form. A new assertion is signed for
 * each request, since a server refuses a {@code jti} twice. Immutable and thread-safe; {@link
 * #toString()} names the algorithm only.
 */
final class PrivateKeyJwt implements ClientAuthentication {

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** How long a client assertion is valid: it is used once, right away. */
  static final Duration LIFETIME = Duration.ofSeconds(60);

  private final String collection;
  private final String clientId;
  private final String tokenEndpoint;
  private final AssertionSigner signer;
  private final Clock clock;

  PrivateKeyJwt(
      String collection,
      String clientId,
      String tokenEndpoint,
      AssertionSigner signer,
      Clock clock) {
    this.collection = collection;
    this.clientId = clientId;
    this.tokenEndpoint = tokenEndpoint;
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public OutboundRequest authenticate(OutboundRequest request) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(tokenEndpoint)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    String assertion = signer.sign(claims, collection);
    return request.withBody(
        request
            .body()
            .withField("client_assertion_type", ASSERTION_TYPE)
            .withField("client_assertion", assertion));
  }

  @Override
  public String toString() {
    return "ClientAuthentication[private_key_jwt, " + signer.algorithm() + "]";
  }
}
