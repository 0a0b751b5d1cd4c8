package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
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
 * Provides {@code oauth2-client-credentials}: the client credentials grant (RFC 6749 §4.4), for an
 * application calling an API as itself.
 *
 * <pre>{@code
 * auth:
 *   type: oauth2-client-credentials
 *   tokenEndpoint: https://auth.example.com/oauth/token
 *   clientId: keyway
 *   clientSecret: "${secret:bank.client}"
 *   clientAuth: client_secret_basic          # the default with a secret; or client_secret_post, ...
 *   scope: "accounts:read"
 *   audience: https://api.example.com        # sent as audience=, as Auth0 and others want it
 *   extraParams: { resource: https://api.example.com }
 * }</pre>
 *
 * <p>Sends {@code grant_type=client_credentials}, then {@code scope}, each {@code audience} and
 * each of {@code extraParams}, with the client authentication of {@code clientAuth}. {@code
 * clientId} is required; so is {@code clientSecret} unless {@code clientAuth} names a method that
 * needs none (such as {@code private_key_jwt}). Core caches the token; a server that also issues a
 * refresh token has it used for renewal.
 */
public final class ClientCredentialsProvider implements AuthProvider {

  @Override
  public String type() {
    return "oauth2-client-credentials";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Obtains a token with the OAuth2 client credentials grant.";
  }

  @Override
  public List<SettingSpec> settings() {
    List<SettingSpec> settings = new ArrayList<>();
    for (SettingSpec spec : TokenEndpointSettings.specs()) {
      settings.add(
          spec.name().equals("clientId")
              ? SettingSpec.required(spec.name(), spec.description())
              : spec);
    }
    settings.add(
        SettingSpec.optional(ScopeSetting.NAME, "the scope to ask for: \"a b\" or a list"));
    settings.add(
        SettingSpec.optional(
            ExtraParams.AUDIENCE, "sent as audience=: the API the token is for; one or a list"));
    settings.add(
        SettingSpec.optional(
            ExtraParams.NAME,
            "more form parameters of the token request: a map of names to values"));
    return List.copyOf(settings);
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
    requireClient(settings, problems);
    String scope = ScopeSetting.read(settings);
    List<FormField> audience = ExtraParams.audience(settings);
    List<FormField> extra = ExtraParams.read(settings, problems);
    problems.throwIfAny();
    List<FormField> grant = new ArrayList<>();
    grant.add(new FormField("grant_type", "client_credentials"));
    grant.addAll(ScopeSetting.field(scope));
    grant.addAll(audience);
    grant.addAll(extra);
    GrantSource source = new GrantSource(endpoint, grant, ScopeSetting.field(scope));
    String cacheScope = String.join(" ", scope, ExtraParams.describe(audience)).strip();
    return context.tokenMethod(context.tokenCache(cacheScope, source), TokenPlacement.bearer());
  }

  /**
   * Records that {@code clientId} is required, and that {@code clientSecret} is when no {@code
   * clientAuth} says how else the client authenticates: without one core would send no secret, and
   * the server would refuse the grant only at the first call. Core has already reported a missing
   * id or secret for a {@code clientAuth} that needs it; those are not repeated.
   */
  private static void requireClient(Settings settings, ConfigProblems problems) {
    List<String> reported = problems.list().stream().map(ConfigProblem::path).toList();
    if (settings.text("clientId").filter(id -> !id.isBlank()).isEmpty()
        && !reported.contains(settings.path("clientId"))) {
      problems.add(settings.path("clientId"), "required");
    }
    if (settings.text(TokenEndpointSettings.CLIENT_AUTH).isEmpty()
        && settings.secret("clientSecret").filter(secret -> !secret.isEmpty()).isEmpty()
        && !reported.contains(settings.path("clientSecret"))) {
      problems.add(
          settings.path("clientSecret"),
          "required (or set clientAuth to a method without a secret, such as private_key_jwt)");
    }
  }

  @Override
  public String toString() {
    return "ClientCredentialsProvider[" + type() + "]";
  }
}
