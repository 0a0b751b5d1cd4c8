package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.core.RecordingServer.Answer;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.Timeouts;
import dev.keyway.core.connect.ConnectOutcome;
import dev.keyway.core.connect.ConnectStateException;
import dev.keyway.core.connect.ConnectionInfo;
import dev.keyway.core.connect.Connections;
import dev.keyway.spi.NotConnectedException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Core's connect flow and end users' tokens, with a provider that lives in the test ({@link
 * TestConsentProvider}) and a recording server as the API.
 */
class KeywayConnectionsTest {

  private static final URI RETURN_TO = URI.create("https://app.example/settings?tab=1");
  private static final URI REDIRECT = URI.create("http://127.0.0.1:1/oauth/cal/callback");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TestConsentProvider provider = new TestConsentProvider();
  private RecordingServer api;
  private Keyway keyway;
  private Connections connections;

  @BeforeEach
  void start() {
    provider.clock = clock;
    // The API answers with the credential reversed: Keyway masks a credential echoed as it is.
    api =
        new RecordingServer(
            request ->
                Answer.ok(
                    "{\"auth\":\""
                        + new StringBuilder(request.headers().getOrDefault("authorization", ""))
                            .reverse()
                        + "\"}"));
    CallConfig call =
        new CallConfig("me", "GET", "/me", Map.of(), Map.of(), BodyConfig.none(), Map.of(), false);
    Map<String, CollectionConfig> collections = new HashMap<>();
    for (String id : List.of("cal", "mail")) {
      collections.put(
          id,
          new CollectionConfig(
              id,
              api.baseUrl(),
              new AuthConfig("test-consent", Map.of()),
              Map.of(),
              Map.of(),
              Timeouts.DEFAULT,
              Map.of("me", call)));
    }
    keyway =
        Keyway.builder()
            .config(new KeywayConfig(Environment.DEV, false, collections))
            .clock(clock)
            .provider(provider)
            .build();
    connections = keyway.connections();
  }

  @AfterEach
  void stop() {
    keyway.close();
    api.close();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    new QueryStringDecoder(uri, StandardCharsets.UTF_8)
        .parameters()
        .forEach((name, values) -> query.put(name, values.get(0)));
    return query;
  }

  private String startFlow(String collection, String user) {
    return query(connections.start(collection, user, RETURN_TO, REDIRECT)).get("state");
  }

  private ConnectOutcome finish(Map<String, String> params, String pathCollection) {
    return connections
        .finish(params, Optional.ofNullable(pathCollection))
        .toCompletableFuture()
        .join();
  }

  private ConnectOutcome connect(String user) {
    return finish(Map.of("state", startFlow("cal", user), "code", "code-for-" + user), "cal");
  }

  /** Returns the credential the API received for a call as {@code user}. */
  private String callAs(String user) {
    String body =
        keyway
            .call(CallRequest.of("cal", "me", Map.of()).forUser(user))
            .toCompletableFuture()
            .join()
            .bodyText();
    return new StringBuilder(body).reverse().toString();
  }

  private Optional<ConnectionInfo> info(String user) {
    return connections.connection("cal", user).toCompletableFuture().join();
  }

  @Test
  @DisplayName("two users connect separately and each call carries that user's token")
  void twoUsers() {
    assertThat(connect("alice").connected()).isTrue();
    assertThat(connect("bob").connected()).isTrue();

    assertThat(callAs("alice")).contains("Bearer at-alice-0").doesNotContain("bob");
    assertThat(callAs("bob")).contains("Bearer at-bob-0").doesNotContain("alice");
    assertThat(info("alice").orElseThrow())
        .satisfies(
            connection -> {
              assertThat(connection.providerUserId()).isEqualTo("p-alice");
              assertThat(connection.email()).contains("alice@example.test");
              assertThat(connection.refreshable()).isTrue();
              assertThat(connection.toString()).doesNotContain("at-alice");
            });
  }

  @Test
  @DisplayName("the browser goes back to return_to with no code or state")
  void outcome() {
    ConnectOutcome outcome = connect("alice");
    assertThat(outcome.returnTo()).isEqualTo(RETURN_TO);
    assertThat(outcome.collection()).isEqualTo("cal");
    assertThat(outcome.user()).isEqualTo("alice");
  }

  @Test
  @DisplayName(
      "a missing, forged, replayed, expired or cross-collection state is refused before any exchange")
  void badStates() {
    assertThatThrownBy(() -> finish(Map.of("code", "code-for-alice"), "cal"))
        .isInstanceOf(ConnectStateException.class);
    assertThatThrownBy(() -> finish(Map.of("state", "forged", "code", "code-for-alice"), "cal"))
        .isInstanceOf(ConnectStateException.class);

    String used = startFlow("cal", "alice");
    finish(Map.of("state", used, "code", "code-for-alice"), "cal");
    int afterFirst = provider.exchanges.get();
    assertThatThrownBy(() -> finish(Map.of("state", used, "code", "code-for-alice"), "cal"))
        .isInstanceOf(ConnectStateException.class);

    String expired = startFlow("cal", "alice");
    clock.advance(Connections.STATE_LIFETIME);
    assertThatThrownBy(() -> finish(Map.of("state", expired, "code", "code-for-alice"), "cal"))
        .isInstanceOf(ConnectStateException.class)
        .hasMessageContaining("expired");

    String forMail = startFlow("mail", "alice");
    assertThatThrownBy(() -> finish(Map.of("state", forMail, "code", "code-for-alice"), "cal"))
        .isInstanceOf(ConnectStateException.class)
        .hasMessageContaining("another collection");
    assertThatThrownBy(() -> finish(Map.of("state", forMail, "code", "code-for-alice"), "mail"))
        .as("a state is used up even by a refused callback")
        .isInstanceOf(ConnectStateException.class);

    assertThat(provider.exchanges.get()).isEqualTo(afterFirst);
  }

  @Test
  @DisplayName("an iss naming another issuer is refused; the right one is accepted (RFC 9207)")
  void issuer() {
    String state = startFlow("cal", "alice");
    assertThatThrownBy(
            () ->
                finish(
                    Map.of("state", state, "code", "code-for-alice", "iss", "https://evil.example"),
                    "cal"))
        .isInstanceOf(ConnectStateException.class);
    assertThat(provider.exchanges.get()).isZero();

    String next = startFlow("cal", "alice");
    assertThat(
            finish(
                    Map.of(
                        "state", next, "code", "code-for-alice", "iss", "https://provider.example"),
                    null)
                .connected())
        .isTrue();
  }

  @Test
  @DisplayName(
      "a provider error or a failed exchange goes back with an error flag and stores nothing")
  void failures() {
    ConnectOutcome denied =
        finish(Map.of("state", startFlow("cal", "alice"), "error", "access_denied"), "cal");
    assertThat(denied.error()).contains("access_denied");
    ConnectOutcome badCode =
        finish(Map.of("state", startFlow("cal", "alice"), "code", "stolen"), "cal");
    assertThat(badCode.error()).contains("connection_failed");
    ConnectOutcome odd =
        finish(Map.of("state", startFlow("cal", "alice"), "error", "<script>"), "cal");
    assertThat(odd.error()).contains("connection_failed");

    assertThat(info("alice")).isEmpty();
  }

  @Test
  @DisplayName(
      "PKCE S256: the challenge in the login URL is the hash of the verifier sent with the code")
  void pkce() throws Exception {
    URI login = connections.start("cal", "alice", RETURN_TO, REDIRECT);
    Map<String, String> query = query(login);
    finish(Map.of("state", query.get("state"), "code", "code-for-alice"), "cal");

    String verifier = provider.verifiers.get(0);
    assertThat(verifier).hasSizeGreaterThanOrEqualTo(43);
    String expected =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    assertThat(query.get("code_challenge")).isEqualTo(expected);
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(22); // >= 128 bits, base64url
  }

  @Test
  @DisplayName("a call without an end user, or for a user who never connected, needs a connection")
  void notConnected() {
    assertThatThrownBy(() -> keyway.call("cal", "me", Map.of()).toCompletableFuture().join())
        .cause()
        .isInstanceOf(ConnectionRequiredException.class)
        .satisfies(
            e ->
                assertThat(((ConnectionRequiredException) e).reason())
                    .isEqualTo(NotConnectedException.Reason.NO_USER));
    assertThatThrownBy(() -> callAs("carol"))
        .cause()
        .isInstanceOf(ConnectionRequiredException.class)
        .satisfies(
            e ->
                assertThat(((ConnectionRequiredException) e).reason())
                    .isEqualTo(NotConnectedException.Reason.NOT_CONNECTED));
    assertThat(api.received()).isEmpty();
  }

  @Test
  @DisplayName("at expiry, many concurrent calls of one user cause one refresh")
  void oneRefreshPerUser() {
    connect("alice");
    connect("bob");
    clock.advance(Duration.ofHours(2));

    List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(
          keyway
              .call(CallRequest.of("cal", "me", Map.of()).forUser(i % 2 == 0 ? "alice" : "bob"))
              .toCompletableFuture());
    }
    calls.forEach(CompletableFuture::join);

    assertThat(provider.refreshes.get()).isEqualTo(2);
    assertThat(callAs("alice")).contains("at-alice-");
  }

  @Test
  @DisplayName("invalid_grant on refresh means the user must connect again; the connection is gone")
  void invalidGrant() {
    connect("alice");
    provider.refusedRefreshTokens.add("rt-alice-0");
    clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> callAs("alice"))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ConnectionRequiredException.class)
        .satisfies(
            e ->
                assertThat(((ConnectionRequiredException) e).reason())
                    .isEqualTo(NotConnectedException.Reason.NEEDS_CONSENT));
    assertThat(info("alice")).isEmpty();

    connect("alice");
    assertThat(callAs("alice")).contains("Bearer at-alice-0");
  }

  @Test
  @DisplayName("disconnect revokes at the provider and deletes the connection")
  void disconnect() {
    connect("alice");
    callAs("alice");

    assertThat(connections.disconnect("cal", "alice").toCompletableFuture().join()).isTrue();
    assertThat(provider.revoked).containsExactly("at-alice-0");
    assertThat(info("alice")).isEmpty();
    assertThatThrownBy(() -> callAs("alice"))
        .cause()
        .isInstanceOf(ConnectionRequiredException.class);
    assertThat(connections.disconnect("cal", "alice").toCompletableFuture().join()).isFalse();
  }

  @Test
  @DisplayName("only collections whose method connects end users have connections")
  void unknownCollection() {
    assertThat(connections.connects("cal")).isTrue();
    assertThat(connections.connects("nope")).isFalse();
    assertThatThrownBy(() -> connections.start("nope", "alice", RETURN_TO, REDIRECT))
        .isInstanceOf(UnknownCallException.class);
  }
}
