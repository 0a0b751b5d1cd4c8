package dev.keyway.testkit.example;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A second example plugin, against {@code keyway-api} only: type {@code x-body-token} adds field
 * {@code api_key} with a secret {@code token} to each JSON or form body.
 */
public final class BodyTokenProvider implements AuthProvider {

  @Override
  public String type() {
    return "x-body-token";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "adds an API token to JSON and form bodies";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(SettingSpec.required("token", "the API token").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    Secret token = problems.requireSecret(settings, "token");
    problems.throwIfAny();
    return new BodyTokenMethod(token);
  }

  /** Adds the token field to each body. Immutable, so safe for concurrent calls. */
  private static final class BodyTokenMethod implements AuthMethod {

    private final Secret token;

    BodyTokenMethod(Secret token) {
      this.token = token;
    }

    @Override
    public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
      try {
        return CompletableFuture.completedFuture(
            request.withBody(request.body().withField("api_key", token.reveal())));
      } catch (IllegalStateException notJsonOrForm) {
        return CompletableFuture.failedFuture(notJsonOrForm);
      }
    }

    @Override
    public String toString() {
      return "BodyTokenMethod[api_key]";
    }
  }
}
