package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblems;
import dev.keyway.auth.mtls.pem.PemPrivateKey;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Provides {@code jwt-self-signed}: Keyway signs a short-lived JWT with a private key and sends it
 * directly, the way a GitHub App authenticates as itself.
 *
 * <pre>{@code
 * auth:
 *   type: jwt-self-signed
 *   privateKey: "${secret:github.app-key}"   # PEM: PKCS#8, PKCS#1 or SEC1, maybe encrypted
 *   iss: "123456"                            # the app id
 *   lifetime: 10m                            # the default; at most 1h
 * }</pre>
 *
 * <p>Each JWT has {@code iat} a minute in the past, {@code exp = iat + lifetime}, a random {@code
 * jti}, and the configured {@code iss}, {@code sub}, {@code aud}, {@code kid} and {@code claims}.
 * It is signed with RS256 for an RSA key (or the configured RS/PS algorithm) and with the ES
 * algorithm of an EC key's curve. Core's token cache holds it and has a new one signed a minute
 * before it expires, so a JWT is signed once per lifetime, never per request. The key is read with
 * the loader of {@code keyway-auth-mtls}, so it takes every PEM form that module does.
 */
public final class JwtSelfSignedProvider implements AuthProvider {

  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
  static final Duration SHORTEST_LIFETIME = Duration.ofMinutes(2);
  static final Duration LONGEST_LIFETIME = Duration.ofHours(1);

  @Override
  public String type() {
    return "jwt-self-signed";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Signs a short-lived JWT with a private key and sends it (GitHub App style).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("privateKey", "the signing key as PEM (RSA or EC)").asSecret(),
        SettingSpec.optional("keyPassword", "the password of an encrypted key").asSecret(),
        SettingSpec.optional(
            "algorithm",
            "RS256 (default for RSA), RS384, RS512, PS256, PS384, PS512; ES* by curve"),
        SettingSpec.optional("kid", "the key id put in the JWT header"),
        SettingSpec.optional("iss", "the issuer claim, e.g. a GitHub App id"),
        SettingSpec.optional("sub", "the subject claim"),
        SettingSpec.optional("aud", "the audience claim: one value or a list"),
        SettingSpec.optional("claims", "more claims: a map of names to values or lists"),
        SettingSpec.optional("lifetime", "how long each JWT is valid: 10m by default, at most 1h"),
        SettingSpec.optional("scheme", "the word before the JWT: Bearer (default), Token, JWT"));
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    Optional<PrivateKey> key = PemPrivateKey.read(settings, "privateKey", "keyPassword", problems);
    SigningKey signing =
        key.map(
                privateKey ->
                    SigningKey.choose(
                        privateKey,
                        settings.text("algorithm"),
                        settings.path("privateKey"),
                        settings.path("algorithm"),
                        problems))
            .orElse(null);
    Duration lifetime = lifetime(settings, problems);
    ClaimsTemplate claims = ClaimsTemplate.read(settings, problems);
    String scheme = Scheme.read(settings, problems);
    problems.throwIfAny();
    JwtMinter minter =
        new JwtMinter(
            context.collection(),
            signing,
            settings.text("kid").map(String::strip).filter(kid -> !kid.isEmpty()),
            claims,
            lifetime,
            context.clock());
    return new SelfSignedJwt(context.tokenCache(minter), scheme, signing.algorithm().getName());
  }

  private static Duration lifetime(Settings settings, ConfigProblems problems) {
    Duration lifetime = problems.duration(settings, "lifetime").orElse(DEFAULT_LIFETIME);
    if (lifetime.compareTo(LONGEST_LIFETIME) > 0) {
      problems.add(settings.path("lifetime"), "at most 1h; a self-signed JWT is short-lived");
    } else if (lifetime.compareTo(SHORTEST_LIFETIME) < 0) {
      problems.add(
          settings.path("lifetime"),
          "at least 2m: iat is set a minute in the past, and a JWT must outlive that");
    }
    return lifetime;
  }
}
