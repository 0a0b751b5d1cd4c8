package dev.keyway.server.internal.settings;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.Objects;

/**
 * How a caller's session JWTs are checked: the one accepted algorithm, the keys that verify it (a
 * shared secret for HS*, public keys for RS*, PS* and ES*), the required audience, the longest
 * lifetime accepted, and the clock skew tolerated.
 */
public record SessionSettings(
    JWSAlgorithm algorithm,
    JWKSource<SecurityContext> keys,
    String audience,
    Duration maxLifetime,
    Duration clockSkew) {

  public SessionSettings {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    Objects.requireNonNull(clockSkew, "clockSkew");
  }

  @Override
  public String toString() {
    // The keys may be a shared secret.
    return "SessionSettings[" + algorithm + ", audience=" + audience + "]";
  }
}
