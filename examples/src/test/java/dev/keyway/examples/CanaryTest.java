package dev.keyway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.api.Secret;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.UpstreamException;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.testkit.Canaries;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plants a canary in every kind of credential — header key, query key, body key, Basic password,
 * client secret, access and refresh token — keeps them in the encrypted store beside the
 * configuration, runs the main success and failure paths through {@link Keyway}, and finds none of
 * them in a response, an error or the log output.
 */
@DisplayName("No credential reaches a caller, an error or a log line")
class CanaryTest {

  private static final String CALLS =
      """
          calls:
            ok:   { method: POST, path: "/%s/things", body: { type: json }, params: { note: { in: body } } }
            echo: { method: POST, path: /echo/things, body: { type: json }, params: { note: { in: body } } }
            fail: { method: POST, path: /echo-status/500/things, body: { type: json }, params: { note: { in: body } } }
      """;

  @TempDir Path dir;

  private Canaries canaries;
  private Sandbox accepting;
  private Sandbox refusing;
  private TokenEndpoint tokens;
  private TokenEndpoint otherTokens;
  private final FakeClock clock = new FakeClock();
  private Keyway keyway;

  @BeforeEach
  void start() throws IOException {
    canaries = Canaries.plant();
    accepting =
        Sandbox.builder()
            .headerKey("X-Api-Key", canaries.headerKey())
            .queryKey("api_key", canaries.queryKey())
            .bodyKey("api_key", canaries.bodyKey())
            .basic(canaries.basicUsername(), canaries.basicPassword())
            .start();
    refusing = Sandbox.start();
    tokens =
        new TokenEndpoint(canaries.clientSecret(), canaries.accessToken(), canaries.refreshToken());
    otherTokens = new TokenEndpoint("another-secret", "another-token", "another-refresh");

    MasterKey key = MasterKey.createFile(dir.resolve(MasterKey.DEFAULT_FILE_NAME));
    EncryptedFileSecretStore store =
        EncryptedFileSecretStore.open(dir.resolve(EncryptedFileSecretStore.DEFAULT_FILE_NAME), key);
    store.put("header", Environment.LIVE, Secret.of(canaries.headerKey()));
    store.put("query", Environment.LIVE, Secret.of(canaries.queryKey()));
    store.put("body", Environment.LIVE, Secret.of(canaries.bodyKey()));
    store.put("basic", Environment.LIVE, Secret.of(canaries.basicPassword()));
    store.put("client", Environment.LIVE, Secret.of(canaries.clientSecret()));

    Path config = dir.resolve("keyway.yaml");
    Files.writeString(config, config());
    keyway =
        Keyway.builder()
            .configFile(config)
            .environment(Environment.LIVE)
            .clock(clock)
            .provider(new ClientCredentialsProvider())
            .build();
  }

  private String config() {
    StringBuilder yaml = new StringBuilder("collections:\n");
    for (String prefix : List.of("", "wrong-")) {
      Sandbox sandbox = prefix.isEmpty() ? accepting : refusing;
      TokenEndpoint endpoint = prefix.isEmpty() ? tokens : otherTokens;
      collection(
          yaml,
          prefix + "header",
          sandbox,
          "{ type: header-key, keyName: X-Api-Key, key: \"${secret:header}\" }",
          "header-key");
      collection(
          yaml,
          prefix + "query",
          sandbox,
          "{ type: query-key, keyName: api_key, key: \"${secret:query}\" }",
          "query-key");
      collection(
          yaml,
          prefix + "body",
          sandbox,
          "{ type: body-key, keyName: api_key, key: \"${secret:body}\" }",
          "body-key");
      collection(
          yaml,
          prefix + "basic",
          sandbox,
          "{ type: basic, username: "
              + canaries.basicUsername()
              + ", password: \"${secret:basic}\" }",
          "basic");
      collection(
          yaml,
          prefix + "token",
          sandbox,
          "{ type: test-client-credentials, tokenEndpoint: \""
              + endpoint.url()
              + "\", clientId: keyway, clientSecret: \"${secret:client}\" }",
          "echo");
    }
    collection(
        yaml,
        "token-down",
        accepting,
        "{ type: test-client-credentials, tokenEndpoint: \"http://127.0.0.1:1/token\", clientId: keyway, clientSecret: \"${secret:client}\" }",
        "echo");
    return yaml.toString();
  }

  private static void collection(
      StringBuilder yaml, String id, Sandbox sandbox, String auth, String realm) {
    yaml.append("  ")
        .append(id)
        .append(":\n")
        .append("    baseUrl: ")
        .append(sandbox.baseUrl())
        .append('\n')
        .append("    auth: ")
        .append(auth)
        .append('\n')
        .append(CALLS.formatted(realm).replace("\n    ", "\n      ").replaceFirst("^    ", "    "));
  }

  @AfterEach
  void stop() {
    try {
      canaries.assertLogsClean();
    } finally {
      keyway.close();
      tokens.close();
      otherTokens.close();
      accepting.close();
      refusing.close();
      canaries.close();
    }
  }

  private ApiResponse call(String collection, String call) {
    ApiResponse response =
        keyway.call(collection, call, Map.of("note", "hello")).toCompletableFuture().join();
    canaries.assertNotIn(response);
    return response;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"header", "query", "body", "basic", "token"})
  @DisplayName("a successful call answers without any credential")
  void success(String collection) {
    assertThat(call(collection, "ok").status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"header", "query", "body", "basic", "token"})
  @DisplayName("an upstream that echoes the request gets its credential masked, 200 or 500")
  void echoes(String collection) {
    ApiResponse echoed = call(collection, "echo");
    ApiResponse failed = call(collection, "fail");

    assertThat(echoed.status()).isEqualTo(200);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(echoed.bodyText()).contains("*****");
    assertThat(failed.bodyText()).contains("*****");
    assertThat(accepting.requests()).hasSize(2); // the credential did go out
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"header", "query", "body", "basic"})
  @DisplayName("wrong credentials get the upstream's 401, without the credential")
  void wrongCredentials(String collection) {
    assertThat(call("wrong-" + collection, "ok").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a token endpoint that refuses the client secret fails the call, without it")
  void tokenRefused() {
    Throwable thrown = catchThrowable(() -> call("wrong-token", "ok"));

    assertThat(thrown).hasCauseInstanceOf(UpstreamException.class);
    canaries.assertNotIn("the error", thrown);
  }

  @Test
  @DisplayName("a token endpoint that is down fails the call, without the client secret")
  void tokenEndpointDown() {
    Throwable thrown = catchThrowable(() -> call("token-down", "ok"));

    assertThat(thrown).hasCauseInstanceOf(UpstreamException.class);
    canaries.assertNotIn("the error", thrown);
  }

  @Test
  @DisplayName("a refresh sends the refresh token upstream, and it shows up nowhere else")
  void refresh() {
    call("token", "echo");
    clock.advance(Duration.ofHours(2));

    ApiResponse afterRefresh = call("token", "echo");

    assertThat(tokens.grants()).isEqualTo(2);
    assertThat(afterRefresh.bodyText())
        .contains(
            "\"authorization\":[\"" + "*".repeat(7 + canaries.accessToken().length()) + "\"]");
  }

  @Test
  @DisplayName("a bad configuration full of credentials reports its problems without one")
  void badConfig() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        collections:
          plain:
            baseUrl: %s
            auth: { type: header-key, key: "%s", keyNme: X-Api-Key }
            calls: { c: { path: "/%s" } }
          missing:
            baseUrl: %s
            auth: { type: basic, username: u, password: { dev: "%s" } }
            calls: {}
          broken:
            baseUrl: "https://%s@example.com"
            auth: { type: query-key, keyName: k, key: "${secret:nope} %s" }
            calls: {}
        """
            .formatted(
                accepting.baseUrl(),
                canaries.headerKey(),
                canaries.queryKey(),
                accepting.baseUrl(),
                canaries.basicPassword(),
                canaries.clientSecret(),
                canaries.accessToken()));

    InvalidConfigException thrown =
        catchThrowableOfType(
            InvalidConfigException.class,
            () -> Keyway.builder().configFile(bad).environment(Environment.LIVE).build());

    assertThat(thrown.problems()).hasSizeGreaterThanOrEqualTo(3);
    canaries.assertNotIn("the configuration error", thrown);
  }
}
