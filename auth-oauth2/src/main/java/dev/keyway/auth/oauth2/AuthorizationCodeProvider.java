package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenEndpointSettings;
import dev.keyway.spi.TokenPlacement;
import dev.keyway.spi.TokenSource;
import dev.keyway.spi.UserTokenCache;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code oauth2-authorization-code}: each end user connects their own account at the provider (RFC
 * 6749 §4.1, with PKCE per RFC 7636), and calls carry that user's token. Core and the gateway run
 * the flow; this provider says where the provider's login dialog, token, profile and revocation
 * endpoints are and how to talk to them.
 *
 * <pre>{@code
 * auth:
 *   type: oauth2-authorization-code
 *   clientId: "${secret:google.client}"
 *   clientSecret: "${secret:google.secret}"
 *   scope: "openid email https://www.googleapis.com/auth/calendar.readonly"
 *   loginDialogUrl: "https://accounts.google.com/o/oauth2/v2/auth"
 *   tokenEndpoint: "https://oauth2.googleapis.com/token"
 *   userProfileEndpoint: "https://openidconnect.googleapis.com/v1/userinfo"
 *   userIdPath: sub
 *   accessTypeOffline: true
 *   revocationEndpoint: "https://oauth2.googleapis.com/revoke"
 * }</pre>
 */
public final class AuthorizationCodeProvider implements AuthProvider {

  static final String TYPE = "oauth2-authorization-code";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public int apiVersion() {
    return API_VERSION;
  }

  @Override
  public String description() {
    return "OAuth2 authorization code: end users connect their own accounts; calls use their tokens";
  }

  @Override
  public List<SettingSpec> settings() {
    List<SettingSpec> specs = new ArrayList<>(TokenEndpointSettings.specs());
    specs.addAll(
        List.of(
            SettingSpec.optional("scope", "the scopes to ask for, separated as the provider wants"),
            SettingSpec.required(
                "loginDialogUrl",
                "the provider's authorization URL; may hold [client_id], [redirect_uri], [scope],"
                    + " [state]"),
            SettingSpec.optional(
                "userProfileEndpoint", "where the user's profile is read after connecting"),
            SettingSpec.optional(
                "userIdPath", "the profile field holding the user's id; default id"),
            SettingSpec.optional(
                "userEmailPath", "the profile field holding the user's e-mail; default email"),
            SettingSpec.optional(
                "authInHeader",
                "send the token in the Authorization header"
                    + " (default true) or as the access_token query parameter"),
            SettingSpec.optional("tokenName", "the token answer's field holding the access token"),
            SettingSpec.optional("tokenAsQuerystring", "the token answer is form-encoded"),
            SettingSpec.optional(
                "tokenRequestUsesBasicAuth",
                "authenticate token requests with HTTP Basic (client_secret_basic); default"
                    + " client_secret_post"),
            SettingSpec.optional("accessTypeOffline", "add access_type=offline (Google)"),
            SettingSpec.optional(
                "genericRedirectUrl",
                "call back on /oauth/callback, not /oauth/{collection}/callback"),
            SettingSpec.optional("pkce", "S256 (default), plain or off"),
            SettingSpec.optional("revocationEndpoint", "RFC 7009 revocation endpoint"),
            SettingSpec.optional(
                "issuer",
                "the issuer a callback's iss must name (RFC 9207);"
                    + " default: the token endpoint's origin"),
            SettingSpec.optional("extraAuthorizeParams", "more parameters for the login dialog")));
    return specs;
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    boolean basic = problems.flag(settings, "tokenRequestUsesBasicAuth").orElse(false);
    Settings withClientAuth =
        DefaultedSettings.of(
            settings,
            TokenEndpointSettings.CLIENT_AUTH,
            basic ? "client_secret_basic" : "client_secret_post");
    TokenEndpoint endpoint = context.tokenEndpoint(withClientAuth, problems);
    if (settings.text("clientId").isEmpty()) {
      problems.add(settings.path("clientId"), "required");
    }
    Optional<TokenEndpoint> revocation =
        settings.text("revocationEndpoint").isEmpty()
            ? Optional.empty()
            : Optional.ofNullable(
                context.tokenEndpoint(
                    DefaultedSettings.replacing(
                        withClientAuth,
                        "tokenEndpoint",
                        settings.text("revocationEndpoint").get(),
                        "revocationEndpoint"),
                    problems));
    LoginDialog dialog = LoginDialog.read(settings, problems);
    Optional<String> pkce = pkce(settings, problems);
    boolean inHeader = problems.flag(settings, "authInHeader").orElse(true);
    boolean generic = problems.flag(settings, "genericRedirectUrl").orElse(false);
    String issuer =
        settings
            .text("issuer")
            .orElseGet(
                () ->
                    settings
                        .text("tokenEndpoint")
                        .map(AuthorizationCodeProvider::origin)
                        .orElse(""));
    JsonPath idPath = path(settings, "userIdPath", "id", problems);
    JsonPath emailPath = path(settings, "userEmailPath", "email", problems);
    Optional<URI> profile = profileEndpoint(settings, problems);
    problems.throwIfAny();

    // Passed on as written: some providers separate scopes with commas. A list is joined by spaces.
    String scope = settings.list("scope").map(list -> String.join(" ", list).trim()).orElse("");
    Profiles profiles = new Profiles(context, profile, idPath, emailPath);
    TokenSource refresher =
        new TokenSource() {
          @Override
          public CompletionStage<Token> fetch() {
            throw new IllegalStateException("an end user's token comes from a connection");
          }

          @Override
          public CompletionStage<Token> refresh(Token current) {
            return endpoint.refresh(current, List.of());
          }
        };
    UserTokenCache cache = context.userTokenCache(scope, refresher);
    AuthorizationCodeConsent consent =
        new AuthorizationCodeConsent(
            settings.text("clientId").orElseThrow(),
            scope,
            dialog,
            pkce,
            generic,
            issuer,
            endpoint,
            revocation,
            profiles);
    return context.userTokenMethod(
        cache, inHeader ? TokenPlacement.bearer() : TokenPlacement.query("access_token"), consent);
  }

  private static JsonPath path(
      Settings settings, String name, String fallback, ConfigProblems problems) {
    String text = settings.text(name).orElse(fallback);
    Optional<JsonPath> path = JsonPath.parse(text);
    if (path.isEmpty()) {
      problems.add(settings.path(name), "expected a dot path such as account.id");
    }
    return path.orElse(JsonPath.parse(fallback).orElseThrow());
  }

  private static Optional<URI> profileEndpoint(Settings settings, ConfigProblems problems) {
    Optional<String> text = settings.text("userProfileEndpoint");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get().trim());
      if (uri.isAbsolute() && uri.getHost() != null && uri.getScheme().startsWith("http")) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(
        settings.path("userProfileEndpoint"),
        "expected an absolute https URL such as https://provider.example/userinfo");
    return Optional.empty();
  }

  private static Optional<String> pkce(Settings settings, ConfigProblems problems) {
    String value = settings.text("pkce").orElse("S256").trim();
    switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "s256":
        return Optional.of("S256");
      case "plain":
        return Optional.of("plain");
      case "off":
      case "false":
      case "none":
        return Optional.empty();
      default:
        problems.add(settings.path("pkce"), "expected S256, plain or off");
        return Optional.empty();
    }
  }

  private static String origin(String url) {
    try {
      URI uri = URI.create(url.trim());
      return uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return ""; // reported by the token endpoint's own check
    }
  }
}
