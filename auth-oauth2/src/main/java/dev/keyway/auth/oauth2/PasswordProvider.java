package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.FormField;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenEndpointSettings;
import dev.keyway.spi.TokenPlacement;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@code oauth2-password}: the resource owner password credentials grant (RFC 6749 §4.3).
 *
 * <pre>{@code
 * auth:
 *   type: oauth2-password
 *   tokenEndpoint: https://auth.example.com/oauth/token
 *   username: reports
 *   password: "${secret:reports.password}"
 *   clientId: keyway                          # optional, with clientSecret and clientAuth
 *   clientSecret: "${secret:reports.client}"
 *   scope: "read write"
 * }</pre>
 *
 * <p><b>A legacy grant.</b> The OAuth 2.0 Security Best Current Practice (RFC 9700 §2.4) says this
 * grant must not be used: the client sees the user's password. It is here because real APIs still
 * offer nothing else; prefer another method wherever the API has one.
 *
 * <p>Sends {@code grant_type=password}, {@code username}, {@code password} and {@code scope} (when
 * set) with the client authentication of {@code clientAuth}. Core caches the token; when it comes
 * with a refresh token, it is renewed with that ({@code grant_type=refresh_token}), and the
 * password is sent again only when there is none or the server refuses it.
 */
public final class PasswordProvider implements AuthProvider {

  @Override
  public String type() {
    return "oauth2-password";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Obtains a token with the OAuth2 password grant (legacy; RFC 9700 advises against it).";
  }

  @Override
  public List<SettingSpec> settings() {
    List<SettingSpec> settings = new ArrayList<>(TokenEndpointSettings.specs());
    settings.add(SettingSpec.required("username", "the resource owner's user name"));
    settings.add(SettingSpec.required("password", "the resource owner's password").asSecret());
    settings.add(
        SettingSpec.optional(ScopeSetting.NAME, "the scope to ask for: \"a b\" or a list"));
    return List.copyOf(settings);
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
    String username = problems.requireText(settings, "username");
    Secret password = problems.requireSecret(settings, "password");
    String scope = ScopeSetting.read(settings);
    problems.throwIfAny();
    List<FormField> grant = new ArrayList<>();
    grant.add(new FormField("grant_type", "password"));
    grant.add(new FormField("username", username));
    grant.add(new FormField("password", password.reveal()));
    grant.addAll(ScopeSetting.field(scope));
    GrantSource source = new GrantSource(endpoint, grant, ScopeSetting.field(scope));
    return context.tokenMethod(context.tokenCache(scope, source), TokenPlacement.bearer());
  }

  @Override
  public String toString() {
    return "PasswordProvider[" + type() + "]";
  }
}
