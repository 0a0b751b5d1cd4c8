package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.RecordingServer.Answer;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.ParamConfig;
import dev.keyway.core.config.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeywayTest {

  private final List<AutoCloseable> closeLater = new java.util.ArrayList<>();

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

  private static CallConfig get(String id, String path) {
    return new CallConfig(id, "GET", path, Map.of(), Map.of(), BodyConfig.none(), Map.of(), false);
  }

  private static CollectionConfig collection(
      String id, URI baseUrl, AuthConfig auth, Timeouts timeouts, CallConfig... calls) {
    Map<String, CallConfig> byId = new java.util.LinkedHashMap<>();
    for (CallConfig call : calls) {
      byId.put(call.id(), call);
    }
    return new CollectionConfig(id, baseUrl, auth, Map.of(), Map.of(), timeouts, byId);
  }

  private static KeywayConfig config(CollectionConfig... collections) {
    Map<String, CollectionConfig> byId = new java.util.LinkedHashMap<>();
    for (CollectionConfig collection : collections) {
      byId.put(collection.id(), collection);
    }
    return new KeywayConfig(Environment.DEV, false, byId);
  }

  private Keyway keyway(KeywayConfig config) {
    return closing(
        Keyway.builder()
            .config(config)
            .provider(new TestProviders.HeaderProvider())
            .provider(new TestProviders.HostileProvider())
            .provider(new TestProviders.RetryingProvider())
            .provider(new TestProviders.FailingProvider())
            .build());
  }

  private static AuthConfig testHeader(String value) {
    return new AuthConfig("test-header", Map.of("value", value));
  }

  @Test
  @DisplayName("a call goes to the collection's host with the auth method's credentials")
  void callsWithCredentials() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.ok("{\"ok\":true}")));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api",
                    upstream.baseUrl(),
                    testHeader("s3cret"),
                    Timeouts.DEFAULT,
                    get("things", "/v1/things"))));

    ApiResponse response = keyway.call("api", "things", Map.of()).toCompletableFuture().join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().first("content-type")).contains("application/json");
    assertThat(upstream.received()).hasSize(1);
    RecordingServer.Received received = upstream.received().get(0);
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.uri()).isEqualTo("/v1/things");
    assertThat(received.headers()).containsEntry("x-test", "s3cret");
  }

  @Test
  @DisplayName("a JSON body is sent with its content type and exact length")
  void sendsBody() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.ok("{}")));
    CallConfig create =
        new CallConfig(
            "create",
            "POST",
            "/v1/items",
            Map.of(),
            Map.of(),
            new BodyConfig(BodyConfig.Type.JSON, Optional.empty(), Optional.empty()),
            Map.of(
                "name",
                new ParamConfig(
                    "name",
                    ParamConfig.Location.BODY,
                    true,
                    Optional.empty(),
                    false,
                    Optional.empty())),
            false);
    Keyway keyway =
        keyway(
            config(
                collection("api", upstream.baseUrl(), testHeader("k"), Timeouts.DEFAULT, create)));

    keyway.call("api", "create", Map.of("name", "Zoë")).toCompletableFuture().join();

    RecordingServer.Received received = upstream.received().get(0);
    assertThat(received.body()).isEqualTo("{\"name\":\"Zoë\"}");
    assertThat(received.headers()).containsEntry("content-type", "application/json");
    assertThat(received.headers())
        .containsEntry(
            "content-length",
            String.valueOf(
                "{\"name\":\"Zoë\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
  }

  @Test
  @DisplayName("an auth method that points a request at another origin is stopped before the wire")
  void egressGuard() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.ok("{}")));
    RecordingServer elsewhere = closing(RecordingServer.answering(Answer.ok("{}")));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api",
                    upstream.baseUrl(),
                    new AuthConfig("hostile", Map.of("to", elsewhere.baseUrl().toString())),
                    Timeouts.DEFAULT,
                    get("things", "/things"))));

    assertThatThrownBy(() -> keyway.call("api", "things", Map.of()).toCompletableFuture().join())
        .hasCauseInstanceOf(KeywayException.class)
        .hasMessageContaining("another origin");
    assertThat(elsewhere.received()).isEmpty();
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  @DisplayName("when the auth method asks, the request is sent once more, and never more than once")
  void retriesOnce() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.status(401)));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api",
                    upstream.baseUrl(),
                    new AuthConfig("retrying", Map.of()),
                    Timeouts.DEFAULT,
                    get("things", "/things"))));

    ApiResponse response = keyway.call("api", "things", Map.of()).toCompletableFuture().join();

    assertThat(response.status()).isEqualTo(401);
    assertThat(upstream.received()).hasSize(2);
    assertThat(upstream.received().get(1).headers()).containsEntry("x-attempt", "2");
  }

  @Test
  @DisplayName("a retry that succeeds returns the second response")
  void retrySucceeds() {
    AtomicInteger count = new AtomicInteger();
    RecordingServer upstream =
        closing(
            new RecordingServer(
                request ->
                    count.incrementAndGet() == 1 ? Answer.status(401) : Answer.ok("{\"n\":2}")));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api",
                    upstream.baseUrl(),
                    new AuthConfig("retrying", Map.of()),
                    Timeouts.DEFAULT,
                    get("things", "/things"))));

    ApiResponse response = keyway.call("api", "things", Map.of()).toCompletableFuture().join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"n\":2}");
  }

  @Test
  @DisplayName("redirects are returned to the caller, not followed")
  void noRedirects() {
    RecordingServer upstream =
        closing(
            RecordingServer.answering(
                new Answer(
                    302, Map.of("Location", "http://127.0.0.1:1/stolen"), "", Duration.ZERO)));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api", upstream.baseUrl(), testHeader("k"), Timeouts.DEFAULT, get("t", "/t"))));

    ApiResponse response = keyway.call("api", "t", Map.of()).toCompletableFuture().join();

    assertThat(response.status()).isEqualTo(302);
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  @DisplayName("an upstream slower than the response timeout fails as a timeout, in time")
  void timeout() {
    RecordingServer upstream =
        closing(RecordingServer.answering(new Answer(200, Map.of(), "{}", Duration.ofSeconds(10))));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "slow",
                    upstream.baseUrl(),
                    testHeader("k"),
                    new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
                    get("t", "/t"))));

    long start = System.nanoTime();
    assertThatThrownBy(() -> keyway.call("slow", "t", Map.of()).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("an upstream that refuses connections fails as unreachable")
  void unreachable() throws Exception {
    URI closed;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    Keyway keyway =
        keyway(
            config(collection("gone", closed, testHeader("k"), Timeouts.DEFAULT, get("t", "/t"))));

    assertThatThrownBy(() -> keyway.call("gone", "t", Map.of()).toCompletableFuture().join())
        .cause()
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UpstreamException.Kind.UNREACHABLE);
              assertThat(e.getMessage()).contains("collection gone, call t");
            });
  }

  @Test
  @DisplayName("credentials that cannot be obtained fail the call without sending it")
  void authFailure() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.ok("{}")));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api",
                    upstream.baseUrl(),
                    new AuthConfig("failing", Map.of()),
                    Timeouts.DEFAULT,
                    get("t", "/t"))));

    assertThatThrownBy(() -> keyway.call("api", "t", Map.of()).toCompletableFuture().join())
        .cause()
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.AUTH_FAILED));
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  @DisplayName("an unknown collection or call is reported as such")
  void unknownCall() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.ok("{}")));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api", upstream.baseUrl(), testHeader("k"), Timeouts.DEFAULT, get("t", "/t"))));

    assertThatThrownBy(() -> keyway.call("nope", "t", Map.of()).toCompletableFuture().join())
        .cause()
        .isInstanceOf(UnknownCallException.class)
        .hasMessageContaining("no collection named nope");
    assertThatThrownBy(() -> keyway.call("api", "nope", Map.of()).toCompletableFuture().join())
        .cause()
        .isInstanceOf(UnknownCallException.class)
        .hasMessageContaining("collection api has no call named nope");
  }

  @Test
  @DisplayName("problems in several collections are reported together, each with its path")
  void problemsFromAllCollections() {
    URI base = URI.create("http://127.0.0.1:1");
    KeywayConfig config =
        config(
            collection(
                "a",
                base,
                new AuthConfig("no-such-type", Map.of()),
                Timeouts.DEFAULT,
                get("t", "/t")),
            collection(
                "b",
                base,
                new AuthConfig("test-header", Map.of("valeu", "x")),
                Timeouts.DEFAULT,
                get("t", "/t")),
            collection(
                "c",
                base,
                new AuthConfig("test-header", Map.of()),
                Timeouts.DEFAULT,
                get("t", "/t")));

    assertThatThrownBy(() -> keyway(config))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(problem -> problem.path())
                    .containsExactlyInAnyOrder(
                        "collections.a.auth.type",
                        "collections.b.auth.valeu",
                        "collections.c.auth.value"))
        .hasMessageContaining("unknown auth type 'no-such-type'")
        .hasMessageContaining("not a setting of test-header; known: value");
  }

  @Test
  @DisplayName("a secret in the auth block never appears in a configuration error")
  void noSecretInErrors() {
    KeywayConfig config =
        config(
            collection(
                "a",
                URI.create("http://127.0.0.1:1"),
                new AuthConfig(
                    "test-header", Map.of("value", "canary-5ecr3t", "extra", "canary-5ecr3t")),
                Timeouts.DEFAULT,
                get("t", "/t")));
    assertThatThrownBy(() -> keyway(config))
        .isInstanceOf(InvalidConfigException.class)
        .message()
        .doesNotContain("canary-5ecr3t");
  }

  @Test
  @DisplayName("calls after close fail, and toString names collections only")
  void closeAndToString() {
    RecordingServer upstream = closing(RecordingServer.answering(Answer.ok("{}")));
    Keyway keyway =
        keyway(
            config(
                collection(
                    "api",
                    upstream.baseUrl(),
                    testHeader("canary-5ecr3t"),
                    Timeouts.DEFAULT,
                    get("t", "/t"))));
    assertThat(keyway.toString()).isEqualTo("Keyway[dev, collections=[api]]");
    assertThat(keyway.authMethod("api").toString()).doesNotContain("canary-5ecr3t");

    keyway.close();
    keyway.close();
    assertThatThrownBy(() -> keyway.call("api", "t", Map.of()).toCompletableFuture().join())
        .hasMessageContaining("closed");
  }
}
