package dev.keyway.testkit.example;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.Headers;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An example third-party plugin, written against {@code keyway-api} only: type {@code x-api-token}
 * sends a secret {@code token} in header {@code headerName} ({@code X-Api-Token} by default).
 *
 * <pre>{@code
 * auth: { type: x-api-token, token: "${secret:acme.token}", headerName: X-Acme-Token }
 * }</pre>
 */
public final class ApiTokenProvider implements AuthProvider {

  static final String DEFAULT_HEADER = "X-Api-Token";

  @Override
  public String type() {
    return "x-api-token";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "sends an API token in a header";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("token", "the API token").asSecret(),
        SettingSpec.optional("headerName", "the header that carries the token (X-Api-Token)"));
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    Secret token = problems.requireSecret(settings, "token");
    if (token != null && (token.isEmpty() || !Headers.isValidValue(token.reveal()))) {
      problems.add(settings.path("token"), "must be non-empty, without line breaks or controls");
    }
    String headerName = settings.text("headerName").orElse(DEFAULT_HEADER);
    if (!Headers.isValidName(headerName)) {
      problems.add(
          settings.path("headerName"), "not a header name; use letters, digits and '-' only");
    }
    problems.throwIfAny();
    return new ApiTokenMethod(headerName, token);
  }

  /** Adds the token header to each request. Immutable, so safe for concurrent calls. */
  private static final class ApiTokenMethod implements AuthMethod {

    private final String headerName;
    private final Secret token;

    ApiTokenMethod(String headerName, Secret token) {
      this.headerName = headerName;
      this.token = token;
    }

    @Override
    public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
      return CompletableFuture.completedFuture(request.withHeader(headerName, token.reveal()));
    }

    @Override
    public String toString() {
      return "ApiTokenMethod[" + headerName + "]";
    }
  }
}
