package dev.keyway.core;

import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.AuthorizationRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenPlacement;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.spi.TokenSource;
import dev.keyway.spi.UserConnection;
import dev.keyway.spi.UserConsent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code test-consent}: an end-user method whose "provider" lives in this class, so core's connect
 * flow is tested without a network: codes are {@code code-for-<user>}, exchanges and refreshes are
 * counted, and refresh tokens can be made to fail with {@code invalid_grant}.
 */
final class TestConsentProvider implements AuthProvider {

  final AtomicInteger exchanges = new AtomicInteger();
  final AtomicInteger refreshes = new AtomicInteger();
  final List<String> verifiers = new CopyOnWriteArrayList<>();
  final List<String> revoked = new CopyOnWriteArrayList<>();
  final Set<String> refusedRefreshTokens = ConcurrentHashMap.newKeySet();
  volatile Clock clock = Clock.systemUTC();
  volatile Duration lifetime = Duration.ofHours(1);

  @Override
  public String type() {
    return "test-consent";
  }

  @Override
  public int apiVersion() {
    return API_VERSION;
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(SettingSpec.optional("pkce", "S256, plain or off"));
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    Optional<String> pkce =
        settings.text("pkce").filter(value -> !value.equals("off")).or(() -> Optional.of("S256"));
    TokenSource refresher =
        new TokenSource() {
          @Override
          public CompletionStage<Token> fetch() {
            throw new IllegalStateException("never called for end users");
          }

          @Override
          public CompletionStage<Token> refresh(Token current) {
            refreshes.incrementAndGet();
            String refresh = current.refreshToken().orElseThrow().reveal();
            if (refusedRefreshTokens.contains(refresh)) {
              return CompletableFuture.failedFuture(
                  new TokenRequestException("invalid_grant", 400, "refused", null));
            }
            String user = refresh.substring("rt-".length(), refresh.lastIndexOf('-'));
            return CompletableFuture.completedFuture(token(user, refreshes.get()));
          }
        };
    UserConsent consent =
        new UserConsent() {
          @Override
          public Optional<String> pkceMethod() {
            return pkce;
          }

          @Override
          public boolean genericRedirectUrl() {
            return false;
          }

          @Override
          public String issuer() {
            return "https://provider.example";
          }

          @Override
          public URI authorizationUrl(AuthorizationRequest request) {
            return URI.create(
                "https://provider.example/authorize?state="
                    + request.state()
                    + request.codeChallenge().map(c -> "&code_challenge=" + c).orElse(""));
          }

          @Override
          public CompletionStage<UserConnection> exchange(
              String code, String redirectUri, Optional<String> verifier) {
            exchanges.incrementAndGet();
            verifier.ifPresent(verifiers::add);
            if (!code.startsWith("code-for-")) {
              return CompletableFuture.failedFuture(
                  new TokenRequestException("invalid_grant", 400, "bad code", null));
            }
            String user = code.substring("code-for-".length());
            return CompletableFuture.completedFuture(
                new UserConnection(
                    token(user, 0), "p-" + user, Optional.of(user + "@example.test")));
          }

          @Override
          public CompletionStage<Void> revoke(Token token) {
            revoked.add(token.accessToken().reveal());
            return CompletableFuture.completedFuture(null);
          }
        };
    return context.userTokenMethod(
        context.userTokenCache("", refresher), TokenPlacement.bearer(), consent);
  }

  private Token token(String user, int generation) {
    return new Token(
        Secret.of("at-" + user + "-" + generation),
        "Bearer",
        Optional.of(Secret.of("rt-" + user + "-" + generation)),
        clock.instant(),
        Optional.of(clock.instant().plus(lifetime)),
        Set.of("read"),
        Map.of());
  }
}
