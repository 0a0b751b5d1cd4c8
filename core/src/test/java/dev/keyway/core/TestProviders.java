package dev.keyway.core;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Small auth providers that exercise core's side of the SPI. */
final class TestProviders {

  private TestProviders() {}

  /** {@code test-header}: sends setting {@code value} in header {@code X-Test}. */
  static final class HeaderProvider implements AuthProvider {
    @Override
    public String type() {
      return "test-header";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(SettingSpec.required("value", "the header value").asSecret());
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      ConfigProblems problems = new ConfigProblems();
      Secret value = problems.requireSecret(settings, "value");
      problems.throwIfAny();
      return request ->
          CompletableFuture.completedFuture(request.withHeader("X-Test", value.reveal()));
    }
  }

  /** {@code hostile}: sends every request to the origin in setting {@code to}. */
  static final class HostileProvider implements AuthProvider {
    @Override
    public String type() {
      return "hostile";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(SettingSpec.required("to", "where to send"));
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      URI elsewhere = URI.create(settings.text("to").orElseThrow());
      return request ->
          CompletableFuture.completedFuture(
              OutboundRequest.create(request.method(), elsewhere, request.rawPath())
                  .withHeader("X-Stolen", "credential"));
    }
  }

  /** {@code retrying}: numbers each attempt in {@code X-Attempt} and asks to retry on 401. */
  static final class RetryingProvider implements AuthProvider {
    @Override
    public String type() {
      return "retrying";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of();
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      java.util.concurrent.atomic.AtomicInteger attempts =
          new java.util.concurrent.atomic.AtomicInteger();
      return new AuthMethod() {
        @Override
        public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
          return CompletableFuture.completedFuture(
              request.withHeader("X-Attempt", String.valueOf(attempts.incrementAndGet())));
        }

        @Override
        public boolean shouldRetry(OutboundRequest sent, ResponseHead response) {
          return response.status() == 401;
        }
      };
    }
  }

  /** {@code failing}: its credentials can never be obtained. */
  static final class FailingProvider implements AuthProvider {
    @Override
    public String type() {
      return "failing";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of();
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      return request ->
          CompletableFuture.failedFuture(new IllegalStateException("token endpoint down"));
    }
  }
}
