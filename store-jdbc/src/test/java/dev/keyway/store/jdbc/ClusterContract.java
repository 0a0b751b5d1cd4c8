package dev.keyway.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenStore;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.OAuthServer;
import dev.keyway.testkit.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Three gateway nodes — three {@link Keyway} instances, each with its own store instance and
 * connection pool — sharing one database, against the sandbox's authorization server with rotating
 * refresh tokens and reuse detection.
 */
abstract class ClusterContract {

  private final FakeClock clock = new FakeClock();
  private final MasterKey master = MasterKey.generate();
  private final List<AutoCloseable> open = new ArrayList<>();
  private TokenStoreDatabase database;
  private Sandbox sandbox;
  private final List<Keyway> nodes = new ArrayList<>();
  private Map<String, Object> collection;

  private Map<String, Object> tree() {
    return Map.of("collections", Map.of("api", collection));
  }

  abstract TokenStoreDatabase database() throws Exception;

  @BeforeEach
  void start() throws Exception {
    database = database();
    sandbox = Sandbox.builder().clock(clock).start();
    open.add(sandbox);
    OAuthServer oauth = sandbox.oauth();
    oauth.tokenLifetime(Duration.ofMinutes(5));
    oauth.rotateRefreshTokens(true);
    Map<String, Object> auth =
        Map.of(
            "type", "oauth2-password",
            "tokenEndpoint", oauth.tokenUrl().toString(),
            "clientId", oauth.clientId(),
            "clientSecret", oauth.clientSecret(),
            "username", oauth.username(),
            "password", oauth.password());
    collection =
        Map.of(
            "baseUrl", sandbox.baseUrl().toString(),
            "auth", auth,
            "calls", Map.of("things", Map.of("method", "GET", "path", "/oauth/api/things")));
    for (int i = 0; i < 3; i++) {
      JdbcTokenStore store = database.open(master);
      open.add(store);
      Keyway node = Keyway.builder().configTree(tree()).clock(clock).tokenStore(store).build();
      open.add(node);
      nodes.add(node);
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (database != null) {
      database.close();
    }
  }

  private List<ApiResponse> calls(int count) {
    List<CompletableFuture<ApiResponse>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(
          nodes.get(i % nodes.size()).call("api", "things", Map.of()).toCompletableFuture());
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  @Test
  @DisplayName(
      "300 concurrent calls over three nodes: one grant, then at expiry exactly one refresh and no invalid_grant")
  void oneRefreshAcrossNodes() {
    OAuthServer oauth = sandbox.oauth();
    assertThat(calls(30)).allMatch(response -> response.status() == 200);
    assertThat(oauth.tokenRequests("password")).as("one grant for all nodes").isEqualTo(1);

    clock.advance(Duration.ofMinutes(6));
    assertThat(calls(300)).allMatch(response -> response.status() == 200);

    assertThat(oauth.refreshes()).isEqualTo(1);
    assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(oauth.invalidGrants()).isZero();
    assertThat(oauth.reuseDetections()).isZero();
  }

  /**
   * Crash point B of the README: the provider answered a refresh (and retired the old refresh
   * token) but the node died before its transaction committed. The store still holds the retired
   * refresh token; the next node's refresh is refused as reuse, and the method's own grant runs
   * again: the collection keeps working.
   */
  @Test
  @DisplayName(
      "a node that dies after the provider answered, before commit: the next node still gets through")
  void crashAfterTheProviderAnswered() {
    OAuthServer oauth = sandbox.oauth();
    assertThat(calls(3)).allMatch(response -> response.status() == 200);
    clock.advance(Duration.ofMinutes(6));

    JdbcTokenStore dying = database.open(master);
    open.add(dying);
    TokenStore diesBeforeCommit =
        new TokenStore() {
          @Override
          public CompletionStage<Optional<Token>> load(TokenKey key) {
            return dying.load(key);
          }

          @Override
          public CompletionStage<Token> renew(
              TokenKey key, Function<Optional<Token>, CompletionStage<Token>> renewal) {
            return dying.renew(
                key,
                stored ->
                    renewal
                        .apply(stored)
                        .thenCompose(
                            answered ->
                                CompletableFuture.failedFuture(
                                    new IllegalStateException("the node died"))));
          }

          @Override
          public CompletionStage<Void> save(TokenKey key, Token token) {
            return dying.save(key, token);
          }

          @Override
          public CompletionStage<Void> delete(TokenKey key) {
            return dying.delete(key);
          }
        };
    try (Keyway doomed =
        Keyway.builder().configTree(tree()).clock(clock).tokenStore(diesBeforeCommit).build()) {
      assertThat(doomed.call("api", "things", Map.of()).toCompletableFuture())
          .failsWithin(Duration.ofSeconds(10));
    }
    assertThat(oauth.refreshes()).as("the provider did answer").isEqualTo(1);

    assertThat(calls(30)).allMatch(response -> response.status() == 200);
    assertThat(oauth.reuseDetections()).as("the stored refresh token was retired").isEqualTo(1);
    assertThat(oauth.tokenRequests("password")).as("a new grant replaced it").isEqualTo(2);
  }

  /**
   * Crash point A: the node died before the provider answered. Nothing changed anywhere; the next
   * refresh uses the stored refresh token as if nothing happened.
   */
  @Test
  @DisplayName(
      "a node that dies before the provider answered: nothing changed, the next refresh just works")
  void crashBeforeTheProviderAnswered() {
    OAuthServer oauth = sandbox.oauth();
    assertThat(calls(3)).allMatch(response -> response.status() == 200);
    clock.advance(Duration.ofMinutes(6));

    JdbcTokenStore dying = database.open(master);
    open.add(dying);
    assertThat(
            dying
                .renew(
                    TokenKey.of("api", dev.keyway.api.Environment.DEV, ""),
                    stored ->
                        CompletableFuture.failedFuture(new IllegalStateException("the node died")))
                .toCompletableFuture())
        .failsWithin(Duration.ofSeconds(10));

    assertThat(calls(30)).allMatch(response -> response.status() == 200);
    assertThat(oauth.refreshes()).isEqualTo(1);
    assertThat(oauth.invalidGrants()).isZero();
  }

  @Test
  @DisplayName("a node that starts after a refresh takes the stored token: no request at all")
  void lateNodeReusesTheToken() {
    OAuthServer oauth = sandbox.oauth();
    assertThat(nodes.get(0).call("api", "things", Map.of()).toCompletableFuture().join().status())
        .isEqualTo(200);
    int before = oauth.tokenRequests();

    assertThat(nodes.get(2).call("api", "things", Map.of()).toCompletableFuture().join().status())
        .isEqualTo(200);
    assertThat(oauth.tokenRequests()).isEqualTo(before);
  }
}
