package dev.keyway.auth.jwt;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Provides {@code jwt-static}: sends a JWT someone else issued, as {@code Authorization: Bearer
 * <jwt>} (or another scheme such as {@code Token} or {@code JWT}, with exactly one space).
 *
 * <pre>{@code
 * auth:
 *   type: jwt-static
 *   token: "${secret:partner.jwt}"
 *   scheme: Bearer        # the default
 * }</pre>
 *
 * <p>The token must be a JWT (a malformed one is a config error). Its {@code exp} is read, not
 * verified: a token that has already expired when the collection loads is a config error, one that
 * expires within seven days is logged as a warning at load, and while running a warning is logged
 * once when it enters those seven days and once when it has expired. An encrypted JWT's {@code exp}
 * cannot be read, so it gets no warning.
 */
public final class JwtStaticProvider implements AuthProvider {

  private static final Pattern SCHEME_PREFIX = Pattern.compile("[A-Za-z]+ +\\S.*");

  @Override
  public String type() {
    return "jwt-static";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Sends a configured JWT in Authorization, warning before its exp.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("token", "the JWT: header.payload.signature").asSecret(),
        SettingSpec.optional("scheme", "the word before the token: Bearer (default), Token, JWT"));
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    Secret configured = problems.requireSecret(settings, "token");
    String scheme = Scheme.read(settings, problems);
    String token = configured == null ? null : configured.reveal().strip();
    Optional<Instant> expiry = token == null ? Optional.empty() : expiry(token, settings, problems);
    problems.throwIfAny();
    Instant now = context.clock().instant();
    String path = settings.path("token");
    if (expiry.isPresent() && !now.isBefore(expiry.get())) {
      problems.add(path, "the token expired at " + expiry.get() + "; configure a new one");
      problems.throwIfAny();
    }
    Optional<ExpiryWarnings> warnings =
        expiry.map(exp -> new ExpiryWarnings(path, context.clock(), exp));
    if (expiry.isPresent()
        && Duration.between(now, expiry.get()).compareTo(ExpiryWarnings.WARN_BEFORE) < 0) {
      warnings.get().check();
    }
    return new StaticJwt(scheme, token, warnings);
  }

  /** Returns the token's {@code exp}, if it has a readable one; records a malformed token. */
  private static Optional<Instant> expiry(
      String token, Settings settings, ConfigProblems problems) {
    String path = settings.path("token");
    if (SCHEME_PREFIX.matcher(token).matches()) {
      problems.add(
          path,
          "starts with a word and a space, like a scheme (Bearer ...); give the token alone, and"
              + " the word in scheme");
      return Optional.empty();
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      problems.add(
          path, "not a JWT (expected base64url parts separated by dots: header.payload.signature)");
      return Optional.empty();
    }
    if (jwt instanceof EncryptedJWT) {
      return Optional.empty();
    }
    try {
      Date exp = jwt.getJWTClaimsSet().getExpirationTime();
      return Optional.ofNullable(exp).map(Date::toInstant);
    } catch (ParseException e) {
      problems.add(path, "the JWT's payload is not a JSON object of claims");
      return Optional.empty();
    }
  }
}
