package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenPlacement;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Provides {@code oauth2-custom-token}: a login call of the API's own design — a POST with chosen
 * headers and a JSON or form body — whose answer holds a token at a configured JSON path.
 *
 * <pre>{@code
 * auth:
 *   type: oauth2-custom-token
 *   tokenEndpoint: https://api.example.com/auth/login
 *   tokenHeaders: { X-Login-Key: "<loginKey>" }
 *   body: { user: reports, pass: "<pass>" }        # or JSON text; bodyType: form for a form
 *   values:                                       # private: masked like every secret
 *     loginKey: "${secret:example.login-key}"
 *     pass: "${secret:example.password}"
 *   tokenPath: data.token                         # default access_token
 *   expiresInPath: data.ttl                       # seconds; optional
 *   tokenHeader: Authorization                    # the default, with tokenPrefix "Bearer "
 * }</pre>
 *
 * <p>Each {@code <name>} in the body or a token header is filled from {@code values} — in a JSON
 * string escaped as JSON, in a form field form-encoded — and every placeholder must have a value
 * and every value a placeholder. The request is built once, when the collection loads, and sent
 * through core's token endpoint, so it has the same retries and deadline as an RFC 6749 grant.
 * Without {@code expiresInPath} the token's expiry is its JWT {@code exp}, else the collection's
 * {@code defaultTokenLifetime}. The token goes in {@code tokenHeader} after {@code tokenPrefix}, or
 * as query parameter {@code tokenQueryParam}.
 */
public final class CustomTokenProvider implements AuthProvider {

  static final String TOKEN_PATH = "tokenPath";
  static final String EXPIRES_IN_PATH = "expiresInPath";

  @Override
  public String type() {
    return "oauth2-custom-token";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Obtains a token with a custom login call and reads it from the JSON answer.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("tokenEndpoint", "the URL the login call POSTs to"),
        SettingSpec.optional(
            TokenRequestTemplate.HEADERS,
            "headers of the login call: a map of names to values with <name> placeholders"),
        SettingSpec.optional(
            TokenRequestTemplate.BODY,
            "the login call's body: a map, or JSON text, with <name> placeholders"),
        SettingSpec.optional(TokenRequestTemplate.BODY_TYPE, "json (the default) or form"),
        SettingSpec.optional(
                PlaceholderValues.NAME,
                "the private values of the placeholders: a map of names to values")
            .asSecret(),
        SettingSpec.optional(TOKEN_PATH, "dot path of the token in the answer; access_token"),
        SettingSpec.optional(EXPIRES_IN_PATH, "dot path of the token's lifetime in seconds"),
        SettingSpec.optional(
            TokenPlacementSetting.HEADER, "the header the token is sent in; Authorization"),
        SettingSpec.optional(
            TokenPlacementSetting.PREFIX, "the text before the token in that header; \"Bearer \""),
        SettingSpec.optional(
            TokenPlacementSetting.QUERY, "send the token as this query parameter instead"));
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
    URI url = endpoint == null ? null : URI.create(settings.text("tokenEndpoint").get().strip());
    OutboundRequest request = TokenRequestTemplate.build(settings, url, problems);
    Optional<JsonPath> tokenPath = path(settings, TOKEN_PATH, "access_token", problems);
    Optional<JsonPath> expiresInPath =
        settings.names().contains(EXPIRES_IN_PATH)
            ? path(settings, EXPIRES_IN_PATH, "", problems)
            : Optional.empty();
    TokenPlacement placement = TokenPlacementSetting.read(settings, problems);
    problems.throwIfAny();
    TokenAnswer answer = new TokenAnswer(context.collection(), tokenPath.get(), expiresInPath);
    CustomTokenSource source = new CustomTokenSource(endpoint, request, answer, context.clock());
    return context.tokenMethod(context.tokenCache(source), placement);
  }

  private static Optional<JsonPath> path(
      Settings settings, String name, String fallback, ConfigProblems problems) {
    Optional<JsonPath> path = JsonPath.parse(settings.text(name).orElse(fallback));
    if (path.isEmpty()) {
      problems.add(settings.path(name), "expected a dot path such as data.token");
    }
    return path;
  }

  @Override
  public String toString() {
    return "CustomTokenProvider[" + type() + "]";
  }
}
