package dev.keyway.server.internal.settings;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a caller's {@code session:} block: {@code algorithm}, then {@code secret} (HS256, HS384,
 * HS512) or one of {@code publicKey} (PEM) and {@code jwks} (a JWK set as JSON, e.g. {@code
 * ${file:jwks.json}}) for RS*, PS* and ES*, plus {@code audience}, {@code maxLifetime} and {@code
 * clockSkew}.
 */
final class SessionReader {

  static final String DEFAULT_AUDIENCE = "keyway";
  static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(15);
  static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  private static final Duration LONGEST_LIFETIME = Duration.ofHours(24);
  private static final Duration LONGEST_SKEW = Duration.ofMinutes(5);
  private static final List<JWSAlgorithm> ACCEPTED =
      List.of(
          JWSAlgorithm.HS256,
          JWSAlgorithm.HS384,
          JWSAlgorithm.HS512,
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private SessionReader() {}

  /** Returns the session settings of {@code session}, or empty when it has a problem. */
  static Optional<SessionSettings> read(ConfigTree session) {
    int mark = session.problems().list().size();
    Optional<JWSAlgorithm> algorithm =
        session.requiredText("algorithm").flatMap(text -> algorithm(text, session));
    Optional<JWKSource<SecurityContext>> keys = algorithm.flatMap(alg -> keys(alg, session));
    if (algorithm.isEmpty()) {
      // Still accept the key settings, so they are not also reported as unknown.
      session.has("secret");
      session.has("publicKey");
      session.has("jwks");
    }
    String audience = session.text("audience").orElse(DEFAULT_AUDIENCE);
    if (audience.isBlank()) {
      session.problems().add(session.path("audience"), "must not be blank");
    }
    Duration maxLifetime = session.duration("maxLifetime").orElse(DEFAULT_MAX_LIFETIME);
    if (maxLifetime.compareTo(LONGEST_LIFETIME) > 0) {
      session
          .problems()
          .add(session.path("maxLifetime"), "at most 24h; sessions are meant to be short-lived");
    }
    Duration clockSkew = session.duration("clockSkew").orElse(DEFAULT_CLOCK_SKEW);
    if (clockSkew.compareTo(LONGEST_SKEW) > 0) {
      session.problems().add(session.path("clockSkew"), "at most 5m");
    }
    session.rejectUnknownKeys();
    if (session.problems().list().size() > mark) {
      return Optional.empty();
    }
    return Optional.of(
        new SessionSettings(
            algorithm.orElseThrow(), keys.orElseThrow(), audience, maxLifetime, clockSkew));
  }

  private static Optional<JWSAlgorithm> algorithm(String text, ConfigTree session) {
    String name = text.trim().toUpperCase(Locale.ROOT);
    for (JWSAlgorithm accepted : ACCEPTED) {
      if (accepted.getName().equals(name)) {
        return Optional.of(accepted);
      }
    }
    session
        .problems()
        .add(
            session.path("algorithm"),
            (name.equals("NONE") ? "unsigned tokens are never accepted; " : "")
                + "expected one of HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512,"
                + " ES256, ES384, ES512");
    return Optional.empty();
  }

  private static Optional<JWKSource<SecurityContext>> keys(JWSAlgorithm alg, ConfigTree session) {
    boolean shared = JWSAlgorithm.Family.HMAC_SHA.contains(alg);
    Optional<String> secret = session.text("secret");
    Optional<String> publicKey = session.text("publicKey");
    Optional<String> jwks = session.text("jwks");
    if (shared) {
      publicKey.ifPresent(
          text -> session.problems().add(session.path("publicKey"), "only for RS, PS and ES"));
      jwks.ifPresent(
          text -> session.problems().add(session.path("jwks"), "only for RS, PS and ES"));
      return secret
          .flatMap(text -> secret(alg, text, session))
          .or(
              () -> {
                if (secret.isEmpty()) {
                  session.problems().add(session.path("secret"), "required for " + alg.getName());
                }
                return Optional.empty();
              });
    }
    secret.ifPresent(
        text ->
            session
                .problems()
                .add(session.path("secret"), "only for HS256, HS384 and HS512; use publicKey"));
    if (publicKey.isPresent() == jwks.isPresent()) {
      session
          .problems()
          .add(
              session.path(publicKey.isPresent() ? "jwks" : "publicKey"),
              "give exactly one of publicKey (PEM) and jwks (a JWK set) for " + alg.getName());
      return Optional.empty();
    }
    Optional<JWKSet> set =
        publicKey.isPresent()
            ? PublicKeyPem.read(publicKey.get(), alg, session.path("publicKey"), session.problems())
                .map(JWKSet::new)
            : jwkSet(jwks.get(), alg, session);
    return set.map(ImmutableJWKSet::new);
  }

  private static Optional<JWKSource<SecurityContext>> secret(
      JWSAlgorithm alg, String text, ConfigTree session) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int minimum = Integer.parseInt(alg.getName().substring(2)) / 8;
    if (bytes.length < minimum) {
      session
          .problems()
          .add(
              session.path("secret"),
              "too short for "
                  + alg.getName()
                  + "; use at least "
                  + minimum
                  + " bytes of random text (e.g. openssl rand -base64 "
                  + minimum
                  + ")");
      return Optional.empty();
    }
    return Optional.of(new ImmutableSecret<>(bytes));
  }

  private static Optional<JWKSet> jwkSet(String text, JWSAlgorithm alg, ConfigTree session) {
    JWKSet set;
    try {
      set = JWKSet.parse(text).toPublicJWKSet();
    } catch (ParseException e) {
      session
          .problems()
          .add(session.path("jwks"), "not a JWK set (a JSON object with a keys list)");
      return Optional.empty();
    }
    List<JWK> usable = new JWKSelector(JWKMatcher.forJWSHeader(new JWSHeader(alg))).select(set);
    if (usable.isEmpty()) {
      session
          .problems()
          .add(session.path("jwks"), "no public key in the set can verify " + alg.getName());
      return Optional.empty();
    }
    return Optional.of(new JWKSet(usable));
  }
}
