package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenEndpointSettings;
import dev.keyway.spi.TokenPlacement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Provides {@code jwt-bearer}: the service-account method of RFC 7523 §2.1. Keyway signs an
 * assertion with the account's private key and exchanges it at the token endpoint for an access
 * token, which core caches and puts on each call as {@code Authorization: Bearer}.
 *
 * <pre>{@code
 * auth:
 *   type: jwt-bearer
 *   serviceAccountJson: "${file:/etc/keyway/sa.json}"   # Google style; or the settings below
 *   # iss: robot@project.iam.gserviceaccount.com
 *   # privateKey: "${secret:robot.key}"
 *   # tokenEndpoint: https://oauth2.googleapis.com/token
 *   scope: https://www.googleapis.com/auth/cloud-platform
 * }</pre>
 *
 * <p>Each assertion has {@code iss}, {@code aud} (the token endpoint unless {@code aud} is set),
 * {@code scope}, {@code iat}, {@code exp} ({@code lifetime} later: 1 h by default and at most), a
 * random {@code jti}, and {@code sub} and a {@code kid} header when configured. It is signed with
 * RS256 by default (RS384, RS512, PS256, PS384, PS512 for an RSA key; the curve's ES algorithm for
 * an EC key); {@code none} and HMAC are refused. A new assertion is signed for every token request,
 * which core makes once per token lifetime. When the server also wants the client authenticated,
 * the common {@code clientId}, {@code clientSecret} and {@code clientAuth} apply; with {@code
 * clientAuth: private_key_jwt} the client assertion is signed with the same key.
 */
public final class JwtBearerProvider implements AuthProvider {

  static final Duration LONGEST_LIFETIME = Duration.ofHours(1);
  static final Duration SHORTEST_LIFETIME = Duration.ofMinutes(1);

  @Override
  public String type() {
    return "jwt-bearer";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Exchanges a signed JWT assertion for an access token (RFC 7523, service accounts).";
  }

  @Override
  public List<SettingSpec> settings() {
    List<SettingSpec> settings = new ArrayList<>();
    settings.add(
        SettingSpec.optional(
            "iss", "the issuer: the service account; required unless serviceAccountJson has it"));
    settings.add(SettingSpec.optional("scope", "the scope to ask for: \"a b\" or a list"));
    for (SettingSpec spec : TokenEndpointSettings.specs()) {
      settings.add(
          spec.name().equals("tokenEndpoint")
              ? SettingSpec.optional(
                  spec.name(),
                  "the token endpoint URL; required unless serviceAccountJson has token_uri")
              : spec);
    }
    settings.add(
        SettingSpec.optional(
                AssertionKey.PRIVATE_KEY,
                "the signing key as PEM (RSA or EC); required unless serviceAccountJson has it")
            .asSecret());
    settings.add(
        SettingSpec.optional(AssertionKey.KEY_PASSWORD, "the password of an encrypted key")
            .asSecret());
    settings.add(
        SettingSpec.optional(
            AssertionKey.ALGORITHM,
            "RS256 (default for RSA), RS384, RS512, PS256, PS384, PS512; ES* by curve"));
    settings.add(SettingSpec.optional("sub", "the subject claim: the user to act for"));
    settings.add(SettingSpec.optional("aud", "the audience claim; the token endpoint by default"));
    settings.add(SettingSpec.optional(AssertionKey.KID, "the key id put in the JWT header"));
    settings.add(
        SettingSpec.optional("lifetime", "how long each assertion is valid: 1h, the most"));
    settings.add(
        SettingSpec.optional(
                ServiceAccountSettings.NAME,
                "a Google-style service-account key file (JSON) instead of iss, privateKey, kid"
                    + " and tokenEndpoint")
            .asSecret());
    return List.copyOf(settings);
  }

  @Override
  public AuthMethod create(Settings raw, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    Settings settings = ServiceAccountSettings.fill(raw, problems);
    Optional<AssertionSigner> signer =
        AssertionKey.read(settings, "required (or give serviceAccountJson)", problems);
    TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
    Optional<String> issuer = text(settings, "iss");
    if (issuer.isEmpty()) {
      problems.add(settings.path("iss"), "required (or give serviceAccountJson)");
    }
    String scope = scope(settings);
    Duration lifetime = lifetime(settings, problems);
    // With clientAuth private_key_jwt core's endpoint reads the same key: report its problems once.
    new ConfigProblems().addAll(problems.list().stream().distinct().toList()).throwIfAny();
    String audience =
        text(settings, "aud").orElseGet(() -> settings.text("tokenEndpoint").orElseThrow().strip());
    BearerClaims claims =
        new BearerClaims(issuer.get(), text(settings, "sub"), audience, scope, lifetime);
    JwtBearerSource source =
        new JwtBearerSource(context.collection(), endpoint, signer.get(), claims, context.clock());
    return context.tokenMethod(context.tokenCache(scope, source), TokenPlacement.bearer());
  }

  private static Optional<String> text(Settings settings, String name) {
    return settings.text(name).map(String::strip).filter(text -> !text.isEmpty());
  }

  /** Returns the scopes, one space-separated text or a list, joined by single spaces. */
  private static String scope(Settings settings) {
    return settings.list("scope").orElse(List.of()).stream()
        .flatMap(text -> List.of(text.strip().split("\\s+")).stream())
        .filter(scope -> !scope.isEmpty())
        .distinct()
        .collect(Collectors.joining(" "));
  }

  private static Duration lifetime(Settings settings, ConfigProblems problems) {
    Duration lifetime = problems.duration(settings, "lifetime").orElse(LONGEST_LIFETIME);
    if (lifetime.compareTo(LONGEST_LIFETIME) > 0) {
      problems.add(
          settings.path("lifetime"),
          "at most 1h: token endpoints (Google's among them) refuse longer assertions");
    } else if (lifetime.compareTo(SHORTEST_LIFETIME) < 0) {
      problems.add(settings.path("lifetime"), "at least 1m, so the assertion outlives its trip");
    }
    return lifetime;
  }

  @Override
  public String toString() {
    return "JwtBearerProvider[" + type() + "]";
  }
}
