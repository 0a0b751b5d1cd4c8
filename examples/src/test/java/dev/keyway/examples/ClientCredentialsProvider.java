package dev.keyway.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.Body;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.FormField;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * {@code test-client-credentials}: a small OAuth 2 client-credentials method for the canary tests
 * (the real one lives in keyway-auth-oauth2). It gets tokens through core's token cache and side
 * calls, refreshes them with the refresh token, and sends {@code Authorization: Bearer}.
 */
final class ClientCredentialsProvider implements AuthProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    return List.of(
        SettingSpec.required("tokenEndpoint", "where tokens come from"),
        SettingSpec.required("clientId", "the client id"),
        SettingSpec.required("clientSecret", "the client secret").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    String endpoint = problems.requireText(settings, "tokenEndpoint");
    String clientId = problems.requireText(settings, "clientId");
    Secret clientSecret = problems.requireSecret(settings, "clientSecret");
    problems.throwIfAny();
    URI url = URI.create(endpoint);
    TokenCache cache =
        context.tokenCache(
            new TokenSource() {
              @Override
              public CompletionStage<Token> fetch() {
                return grant(
                    List.of(
                        new FormField("grant_type", "client_credentials"),
                        new FormField("client_id", clientId),
                        new FormField("client_secret", clientSecret.reveal())));
              }

              @Override
              public CompletionStage<Token> refresh(Token current) {
                return grant(
                    List.of(
                        new FormField("grant_type", "refresh_token"),
                        new FormField(
                            "refresh_token", current.refreshToken().orElseThrow().reveal())));
              }

              private CompletionStage<Token> grant(List<FormField> form) {
                OutboundRequest request =
                    OutboundRequest.create(
                            "POST",
                            URI.create(url.getScheme() + "://" + url.getAuthority()),
                            url.getRawPath())
                        .withBody(Body.form(form));
                return context.http().send(request).thenApply(response -> token(response, context));
              }
            });
    return request ->
        cache
            .get()
            .thenApply(
                token ->
                    request.withHeader("Authorization", "Bearer " + token.accessToken().reveal()));
  }

  private static Token token(ExchangeResponse response, AuthContext context) {
    if (response.status() != 200) {
      throw new IllegalStateException("the token endpoint answered " + response.status());
    }
    try {
      JsonNode json = JSON.readTree(response.body());
      Instant now = context.clock().instant();
      return new Token(
          Secret.of(json.get("access_token").asText()),
          "Bearer",
          Optional.of(Secret.of(json.get("refresh_token").asText())),
          now,
          Optional.of(now.plusSeconds(json.get("expires_in").asLong())),
          Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
