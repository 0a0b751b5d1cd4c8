package dev.keyway.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts {@code Authorization: <scheme> <jwt>}, where the scheme is {@code Bearer}, {@code Token}
 * or {@code JWT} followed by exactly one space, and the JWT is signed (RS, PS or ES algorithms)
 * with a key the realm trusts, has an {@code exp} in the future, and neither an {@code nbf} in the
 * future nor an {@code iat} more than a minute ahead. Time comes from the sandbox's clock.
 *
 * <p>It trusts the {@link SandboxKeys} and every key added with {@link #trust}; the list of keys is
 * the one mutable part of a realm, and it is thread-safe.
 */
final class JwtRealm implements Realm {

  private static final Pattern HEADER =
      Pattern.compile("(?i:Bearer|Token|JWT) ([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

  /** The signature algorithms the sandbox accepts in a JWT: RS, PS and ES, never HS or none. */
  static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private static final Duration ISSUED_AHEAD = Duration.ofMinutes(1);

  private final Clock clock;
  private final List<PublicKey> added = new CopyOnWriteArrayList<>();

  JwtRealm(Clock clock) {
    this.clock = clock;
  }

  void trust(PublicKey key) {
    added.add(key);
  }

  Clock clock() {
    return clock;
  }

  @Override
  public String name() {
    return "jwt";
  }

  @Override
  public boolean accepts(RecordedRequest request) {
    List<String> values = request.headers().all("Authorization");
    if (values.size() != 1) {
      return false;
    }
    Matcher matcher = HEADER.matcher(values.get(0));
    if (!matcher.matches()) {
      return false;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(matcher.group(1));
      return ALGORITHMS.contains(jwt.getHeader().getAlgorithm())
          && signedByTrustedKey(jwt)
          && timely(jwt.getJWTClaimsSet());
    } catch (ParseException e) {
      return false;
    }
  }

  private boolean signedByTrustedKey(SignedJWT jwt) {
    List<PublicKey> keys = new ArrayList<>(added);
    keys.add(SandboxKeys.rsa().getPublic());
    keys.add(SandboxKeys.ec().getPublic());
    DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    for (PublicKey key : keys) {
      try {
        JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), key);
        if (jwt.verify(verifier)) {
          return true;
        }
      } catch (JOSEException wrongKeyType) {
        // try the next key
      }
    }
    return false;
  }

  private boolean timely(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    Date notBefore = claims.getNotBeforeTime();
    Date issued = claims.getIssueTime();
    return expires != null
        && now.isBefore(expires.toInstant())
        && (notBefore == null || !now.isBefore(notBefore.toInstant()))
        && (issued == null || !issued.toInstant().isAfter(now.plus(ISSUED_AHEAD)));
  }

  @Override
  public String challenge() {
    return "Bearer realm=\"sandbox\", error=\"invalid_token\"";
  }
}
