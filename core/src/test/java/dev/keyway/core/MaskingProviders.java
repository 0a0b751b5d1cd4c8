package dev.keyway.core;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Auth providers whose credentials an echoing upstream sends back, for the masking tests. */
final class MaskingProviders {

  private MaskingProviders() {}

  /** {@code test-basic}: {@code Authorization: Basic base64(user:password)}. */
  static final class BasicProvider implements AuthProvider {
    @Override
    public String type() {
      return "test-basic";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.required("user", "the user"),
          SettingSpec.required("password", "the password").asSecret());
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      ConfigProblems problems = new ConfigProblems();
      String user = problems.requireText(settings, "user");
      Secret password = problems.requireSecret(settings, "password");
      problems.throwIfAny();
      String header =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
      return request ->
          CompletableFuture.completedFuture(request.withHeader("Authorization", header));
    }
  }

  /**
   * {@code test-token}: gets its token from core's token cache; the token source issues {@code
   * access} and {@code refresh} (settings not marked secret, so only the issuing hook makes them
   * known) and the method sends the access token as query parameter {@code access_token}.
   */
  static final class TokenProvider implements AuthProvider {
    @Override
    public String type() {
      return "test-token";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.required("access", "the access token to issue"),
          SettingSpec.required("refresh", "the refresh token to issue"));
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      String access = settings.text("access").orElseThrow();
      String refresh = settings.text("refresh").orElseThrow();
      TokenCache cache =
          context.tokenCache(
              new TokenSource() {
                @Override
                public CompletionStage<Token> fetch() {
                  return CompletableFuture.completedFuture(
                      Token.bearer(Secret.of(access), context.clock().instant())
                          .withRefreshToken(Secret.of(refresh)));
                }

                @Override
                public CompletionStage<Token> refresh(Token current) {
                  return fetch();
                }
              });
      return request ->
          cache
              .get()
              .thenApply(
                  token ->
                      request.withQueryParameter("access_token", token.accessToken().reveal()));
    }
  }

  /**
   * {@code leaky}: fails with an exception that quotes its secret setting, as a careless plugin
   * might.
   */
  static final class LeakyFailingProvider implements AuthProvider {
    @Override
    public String type() {
      return "leaky";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(SettingSpec.required("secret", "a secret").asSecret());
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      Secret secret = settings.secret("secret").orElseThrow();
      return request ->
          CompletableFuture.failedFuture(
              new IllegalStateException("token endpoint refused client_secret=" + secret.reveal()));
    }
  }
}
