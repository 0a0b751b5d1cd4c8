package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.RecordingServer.Answer;
import dev.keyway.core.RecordingServer.Received;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.AuthPolicy;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.Timeouts;
import dev.keyway.core.config.TlsConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Core's token machinery over real loopback HTTP: a recording server is both the token endpoint
 * ({@code /token}) and the API ({@code /api}), and a test provider builds its method the way a
 * plugin does.
 */
class KeywayTokenEndpointTest {

  private static final String SECRET = "s3cr:et+%25 ünï";

  private final List<AutoCloseable> closeLater = new ArrayList<>();
  private final MutableClock clock =
      new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger issued = new AtomicInteger();
  private final ConcurrentLinkedQueue<Received> tokenRequests = new ConcurrentLinkedQueue<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeLater) {
      closeable.close();
    }
  }

  private <T extends AutoCloseable> T closing(T closeable) {
    closeLater.add(closeable);
    return closeable;
  }

  /** A server whose /token answers with {@code tokens} and whose /api answers with {@code api}. */
  private RecordingServer server(
      Function<Received, Answer> tokens, Function<Received, Answer> api) {
    return closing(
        new RecordingServer(
            request -> {
              if (request.uri().startsWith("/token")) {
                tokenRequests.add(request);
                return tokens.apply(request);
              }
              return api.apply(request);
            }));
  }

  private Answer token(int lifetimeSeconds) {
    return Answer.ok(
        "{\"access_token\":\"at-"
            + issued.incrementAndGet()
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + lifetimeSeconds
            + "}");
  }

  private static Answer acceptAny(Received request) {
    return request.headers().getOrDefault("authorization", "").startsWith("Bearer at-")
        ? Answer.ok("{\"ok\":true}")
        : new Answer(401, Map.of("WWW-Authenticate", "Bearer"), "{}", Duration.ZERO);
  }

  private Keyway keyway(URI base, Map<String, Object> auth) {
    return keyway(
        base, auth, AuthPolicy.DEFAULT, new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  private Keyway keyway(URI base, Map<String, Object> auth, AuthPolicy policy, Timeouts timeouts) {
    Map<String, Object> settings = new LinkedHashMap<>(auth);
    settings.putIfAbsent("tokenEndpoint", base + "/token");
    CallConfig call =
        new CallConfig(
            "get", "GET", "/api", Map.of(), Map.of(), BodyConfig.none(), Map.of(), false);
    CollectionConfig collection =
        new CollectionConfig(
            "bank",
            base,
            new AuthConfig("test-client-credentials", settings),
            Map.of(),
            Map.of(),
            timeouts,
            Map.of("get", call),
            TlsConfig.NONE,
            policy);
    return closing(
        Keyway.builder()
            .config(new KeywayConfig(Environment.DEV, false, Map.of("bank", collection)))
            .clock(clock)
            .provider(new TestTokenProvider())
            .build());
  }

  private static ApiResponse call(Keyway keyway) {
    return keyway.call("bank", "get", Map.of()).toCompletableFuture().join();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  @Test
  @DisplayName(
      "client_secret_basic form-encodes id and secret before base64, as RFC 6749 2.3.1 says")
  void clientSecretBasic() {
    RecordingServer server = server(request -> token(3600), KeywayTokenEndpointTest::acceptAny);
    Keyway keyway =
        keyway(
            server.baseUrl(),
            Map.of("clientId", "app:1", "clientSecret", SECRET, "scope", "read write"));

    assertThat(call(keyway).status()).isEqualTo(200);

    Received request = tokenRequests.peek();
    String basic = request.headers().get("authorization");
    assertThat(basic).startsWith("Basic ");
    String pair =
        new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.US_ASCII);
    int colon = pair.indexOf(':');
    assertThat(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8))
        .isEqualTo("app:1");
    assertThat(URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8))
        .isEqualTo(SECRET);
    assertThat(form(request.body()))
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "read write")
        .doesNotContainKeys("client_id", "client_secret");
    assertThat(request.headers().get("content-type"))
        .startsWith("application/x-www-form-urlencoded");
  }

  @Test
  @DisplayName("client_secret_post sends id and secret as form fields, none sends the id only")
  void clientSecretPostAndNone() {
    RecordingServer server = server(request -> token(3600), KeywayTokenEndpointTest::acceptAny);
    call(
        keyway(
            server.baseUrl(),
            Map.of("clientId", "app", "clientSecret", SECRET, "clientAuth", "client_secret_post")));
    call(keyway(server.baseUrl(), Map.of("clientId", "public-app", "clientAuth", "none")));

    List<Received> requests = new ArrayList<>(tokenRequests);
    assertThat(form(requests.get(0).body()))
        .containsEntry("client_id", "app")
        .containsEntry("client_secret", SECRET);
    assertThat(requests.get(0).headers()).doesNotContainKey("authorization");
    assertThat(form(requests.get(1).body()))
        .containsEntry("client_id", "public-app")
        .doesNotContainKey("client_secret");
    assertThat(requests.get(1).headers()).doesNotContainKey("authorization");
  }

  @Test
  @DisplayName("a token is fetched once and used until it is due for renewal")
  void cachesTheToken() {
    RecordingServer server = server(request -> token(30), KeywayTokenEndpointTest::acceptAny);
    Keyway keyway = keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET));

    for (int i = 0; i < 5; i++) {
      call(keyway);
      clock.advance(Duration.ofSeconds(2));
    }
    assertThat(tokenRequests).hasSize(1);

    clock.advance(Duration.ofSeconds(21)); // past the 30 s token's expiry: the call waits
    call(keyway);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  @DisplayName("5xx and 429 answers are retried, honouring Retry-After, then the token is used")
  void retriesTransientFailures() {
    AtomicInteger attempts = new AtomicInteger();
    RecordingServer server =
        server(
            request ->
                switch (attempts.incrementAndGet()) {
                  case 1 -> new Answer(503, Map.of(), "{}", Duration.ZERO);
                  case 2 ->
                      new Answer(
                          429,
                          Map.of("Retry-After", "0"),
                          "{\"error\":\"slow_down\"}",
                          Duration.ZERO);
                  default -> token(3600);
                },
            KeywayTokenEndpointTest::acceptAny);

    assertThat(
            call(keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET)))
                .status())
        .isEqualTo(200);
    assertThat(tokenRequests).hasSize(3);
  }

  @Test
  @DisplayName(
      "retries are bounded: a token endpoint that keeps failing costs three requests and a clear error")
  void boundedRetries() {
    RecordingServer server =
        server(
            request -> new Answer(500, Map.of(), "oops", Duration.ZERO),
            KeywayTokenEndpointTest::acceptAny);
    Keyway keyway = keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET));

    assertThatThrownBy(() -> call(keyway))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(UpstreamException.class)
        .satisfies(
            e ->
                assertThat(((UpstreamException) e).kind())
                    .isEqualTo(UpstreamException.Kind.AUTH_FAILED))
        .hasMessageContaining("collection bank")
        .hasMessageContaining("answered 500")
        .hasMessageNotContaining(SECRET);
    assertThat(tokenRequests).hasSize(3);
    assertThat(server.received()).noneMatch(request -> request.uri().startsWith("/api"));
  }

  @Test
  @DisplayName("a Retry-After beyond the cap ends the retries at once")
  void longRetryAfter() {
    RecordingServer server =
        server(
            request -> new Answer(503, Map.of("Retry-After", "3600"), "{}", Duration.ZERO),
            KeywayTokenEndpointTest::acceptAny);
    Keyway keyway = keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET));

    assertThatThrownBy(() -> call(keyway)).hasCauseInstanceOf(UpstreamException.class);
    assertThat(tokenRequests).hasSize(1);
  }

  @Test
  @DisplayName("invalid_client is not retried and the error names the collection and the code")
  void invalidClient() {
    RecordingServer server =
        server(
            request ->
                new Answer(
                    401,
                    Map.of("Content-Type", "application/json"),
                    "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}",
                    Duration.ZERO),
            KeywayTokenEndpointTest::acceptAny);
    Keyway keyway = keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET));

    assertThatThrownBy(() -> call(keyway))
        .cause()
        .hasMessageContaining("collection bank")
        .hasMessageContaining("invalid_client (401): unknown client")
        .hasMessageNotContaining(SECRET);
    assertThat(tokenRequests).hasSize(1);
  }

  @Test
  @DisplayName("an unreachable token endpoint fails as credentials unavailable within the timeout")
  void unreachable() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RecordingServer api = server(request -> token(3600), KeywayTokenEndpointTest::acceptAny);
    Keyway keyway =
        keyway(
            api.baseUrl(),
            Map.of(
                "tokenEndpoint",
                "http://127.0.0.1:" + port + "/token",
                "clientId",
                "app",
                "clientSecret",
                SECRET));

    long start = System.nanoTime();
    assertThatThrownBy(() -> call(keyway))
        .cause()
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("the token endpoint could not be reached")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(String.valueOf(port));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(((UpstreamException) catchCause(keyway)).kind())
        .isEqualTo(UpstreamException.Kind.AUTH_FAILED);
  }

  @Test
  @DisplayName("a token endpoint slower than the deadline fails with a timeout, not a hang")
  void slowEndpoint() {
    RecordingServer server =
        server(
            request -> new Answer(200, Map.of(), "{}", Duration.ofSeconds(10)),
            KeywayTokenEndpointTest::acceptAny);
    Keyway keyway =
        keyway(
            server.baseUrl(),
            Map.of("clientId", "app", "clientSecret", SECRET),
            AuthPolicy.DEFAULT,
            new Timeouts(Duration.ofMillis(300), Duration.ofMillis(300)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> call(keyway))
        .cause()
        .hasMessageContaining("did not answer within 600 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("a 401 from the API drops the token and replays once with a new one")
  void replayAfterRefusal() {
    Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    revoked.add("Bearer at-1");
    RecordingServer server =
        server(
            request -> token(3600),
            request ->
                revoked.contains(request.headers().get("authorization"))
                    ? new Answer(
                        401,
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                        "{}",
                        Duration.ZERO)
                    : acceptAny(request));
    Keyway keyway = keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET));

    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(tokenRequests).hasSize(2);
    assertThat(server.received().stream().filter(r -> r.uri().startsWith("/api")))
        .extracting(r -> r.headers().get("authorization"))
        .containsExactly("Bearer at-1", "Bearer at-2");
    assertThat(call(keyway).status()).isEqualTo(200);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  @DisplayName("an API that refuses every token costs one retry, never a loop")
  void noLoop() {
    RecordingServer server =
        server(
            request -> token(3600),
            request ->
                new Answer(
                    401,
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                    "{}",
                    Duration.ZERO));
    Keyway keyway = keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET));

    assertThat(call(keyway).status()).isEqualTo(401);
    assertThat(server.received().stream().filter(r -> r.uri().startsWith("/api"))).hasSize(2);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  @DisplayName("403 insufficient_scope is passed on without a new token")
  void insufficientScope() {
    RecordingServer server =
        server(
            request -> token(3600),
            request ->
                new Answer(
                    403,
                    Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""),
                    "{}",
                    Duration.ZERO));
    Keyway keyway =
        keyway(
            server.baseUrl(),
            Map.of("clientId", "app", "clientSecret", SECRET),
            new AuthPolicy(Set.of(401, 403), Duration.ofMinutes(5)),
            Timeouts.DEFAULT);

    assertThat(call(keyway).status()).isEqualTo(403);
    assertThat(tokenRequests).hasSize(1);
    assertThat(server.received().stream().filter(r -> r.uri().startsWith("/api"))).hasSize(1);
  }

  @Test
  @DisplayName("authFailureStatuses decides which statuses count as a refusal")
  void configuredStatuses() {
    RecordingServer server =
        server(request -> token(3600), request -> new Answer(419, Map.of(), "{}", Duration.ZERO));
    Keyway keyway =
        keyway(
            server.baseUrl(),
            Map.of("clientId", "app", "clientSecret", SECRET),
            new AuthPolicy(Set.of(401, 419), Duration.ofMinutes(5)),
            Timeouts.DEFAULT);

    assertThat(call(keyway).status()).isEqualTo(419);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  @DisplayName("a token response without expires_in is kept for the collection's default lifetime")
  void defaultLifetime() {
    RecordingServer server =
        server(
            request ->
                Answer.ok(
                    "{\"access_token\":\"at-"
                        + issued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\"}"),
            KeywayTokenEndpointTest::acceptAny);
    Keyway keyway =
        keyway(
            server.baseUrl(),
            Map.of("clientId", "app", "clientSecret", SECRET),
            new AuthPolicy(Set.of(401), Duration.ofMinutes(10)),
            Timeouts.DEFAULT);

    call(keyway);
    clock.advance(Duration.ofMinutes(8)); // before 10 min minus the 60 s margin
    call(keyway);
    assertThat(tokenRequests).hasSize(1);
    clock.advance(Duration.ofMinutes(2)); // past expiry: the call waits for the new token
    call(keyway);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  @DisplayName("a form-encoded token response is read as well as JSON")
  void formResponse() {
    RecordingServer server =
        server(
            request ->
                new Answer(
                    200,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "access_token=at-"
                        + issued.incrementAndGet()
                        + "&token_type=bearer&expires_in=3600",
                    Duration.ZERO),
            KeywayTokenEndpointTest::acceptAny);

    assertThat(
            call(keyway(server.baseUrl(), Map.of("clientId", "app", "clientSecret", SECRET)))
                .status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("bad token endpoint settings are reported with their paths")
  void badSettings() {
    URI base = URI.create("http://127.0.0.1:1");
    assertThatThrownBy(
            () ->
                keyway(
                    base,
                    Map.of(
                        "tokenEndpoint", "ftp://x/token", "clientId", "a", "clientSecret", SECRET)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(
            "collections.bank.auth.tokenEndpoint: expected an absolute http or https URL");
    assertThatThrownBy(() -> keyway(base, Map.of("clientSecret", SECRET)))
        .hasMessageContaining(
            "collections.bank.auth.clientId: required for clientAuth client_secret_basic")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(
            () -> keyway(base, Map.of("clientId", "a", "clientAuth", "client_secret_post")))
        .hasMessageContaining(
            "collections.bank.auth.clientSecret: required for clientAuth client_secret_post");
    assertThatThrownBy(() -> keyway(base, Map.of("clientId", "a", "clientAuth", "tls_client_auth")))
        .hasMessageContaining(
            "collections.bank.auth.clientAuth: unknown client authentication 'tls_client_auth'");
    assertThatThrownBy(
            () ->
                keyway(base, Map.of("clientId", "a", "clientAuth", "none", "clientSecret", SECRET)))
        .hasMessageContaining("collections.bank.auth.clientSecret: not sent with clientAuth none");
  }

  private Throwable catchCause(Keyway keyway) {
    try {
      call(keyway);
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }
}
