package dev.keyway.core;

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
 * {@code test-client-credentials}: a client-credentials method built on core's token machinery the
 * way a plugin builds one, so core's tests exercise the machinery without the auth-oauth2 module.
 */
final class TestTokenProvider implements AuthProvider {

  @Override
  public String type() {
    return "test-client-credentials";
  }

  @Override
  public int apiVersion() {
    return API_VERSION;
  }

  @Override
  public List<SettingSpec> settings() {
    List<SettingSpec> specs = new ArrayList<>(TokenEndpointSettings.specs());
    specs.add(SettingSpec.optional("scope", "the scope to ask for"));
    return specs;
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
    problems.throwIfAny();
    String scope = settings.text("scope").orElse("");
    List<FormField> grant =
        new ArrayList<>(List.of(new FormField("grant_type", "client_credentials")));
    if (!scope.isEmpty()) {
      grant.add(new FormField("scope", scope));
    }
    return context.tokenMethod(
        context.tokenCache(scope, () -> endpoint.request(grant)), TokenPlacement.bearer());
  }
}
