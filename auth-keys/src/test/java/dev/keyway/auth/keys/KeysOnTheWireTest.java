package dev.keyway.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.SecretSource;
import dev.keyway.testkit.RecordedRequest;
import dev.keyway.testkit.Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs a real Keyway against the sandbox and checks the exact bytes each key method sent. */
@DisplayName("static keys on the wire")
class KeysOnTheWireTest {

  private static final String TEST_KEY = "sk_test_4eC39HqLyjWD";
  private static final String LIVE_KEY = "sk_live_51H8xQ2eZvKY";
  private static final String ODD_KEY = "k y/é&=\"";

  private static final SecretSource SECRETS =
      SecretSource.of(Map.of("stripe.test", TEST_KEY, "stripe.live", LIVE_KEY, "odd", ODD_KEY));

  private Sandbox sandbox;
  private Keyway keyway;

  @AfterEach
  void close() {
    if (keyway != null) {
      keyway.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private Keyway keyway(Map<String, Object> auth, Map<String, Object> probe, Environment env) {
    Map<String, Object> collection =
        Map.of(
            "baseUrl", sandbox.baseUrl().toString(), "auth", auth, "calls", Map.of("probe", probe));
    keyway =
        Keyway.builder()
            .configTree(Map.of("collections", Map.of("x", collection)))
            .environment(env)
            .secrets(SECRETS)
            .build();
    return keyway;
  }

  private ApiResponse call(Map<String, Object> auth, Map<String, Object> probe) {
    return keyway(auth, probe, Environment.DEV)
        .call("x", "probe", Map.of())
        .toCompletableFuture()
        .join();
  }

  private static Map<String, Object> get(String path) {
    return Map.of("method", "GET", "path", path);
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  @DisplayName("header-key sends Authorization: Bearer <key> by default, exactly once")
  void headerKeyDefault() {
    sandbox = Sandbox.builder().headerKey("Authorization", TEST_KEY).start();

    ApiResponse response =
        call(
            Map.of("type", "header-key", "key", "Bearer ${secret:stripe.test}"),
            get("/header-key/v1/customers"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().headers().all("Authorization"))
        .containsExactly("Bearer " + TEST_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Environment.class)
  @DisplayName("header-key sends the key of the active environment")
  void headerKeyPerEnvironment(Environment environment) {
    String expected = environment == Environment.LIVE ? LIVE_KEY : TEST_KEY;
    sandbox = Sandbox.builder().headerKey("Authorization", expected).start();
    Map<String, Object> auth =
        Map.of(
            "type",
            "header-key",
            "keyName",
            "Authorization",
            "key",
            Map.of("live", "Bearer ${secret:stripe.live}", "dev", "Bearer ${secret:stripe.test}"));

    ApiResponse response =
        keyway(auth, get("/header-key/v1/customers"), environment)
            .call("x", "probe", Map.of())
            .toCompletableFuture()
            .join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().header("Authorization")).contains("Bearer " + expected);
  }

  @Test
  @DisplayName("header-key sends the header keyName names")
  void headerKeyNamed() {
    sandbox = Sandbox.builder().headerKey("X-Api-Key", TEST_KEY).start();

    ApiResponse response =
        call(
            Map.of("type", "header-key", "keyName", "X-Api-Key", "key", "${secret:stripe.test}"),
            get("/header-key/things"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().header("X-Api-Key")).contains(TEST_KEY);
    assertThat(sandbox.lastRequest().header("Authorization")).isEmpty();
  }

  @Test
  @DisplayName("query-key appends the key, percent-encoded as UTF-8, after the call's own query")
  void queryKey() {
    sandbox = Sandbox.builder().queryKey("api_key", ODD_KEY).start();
    Map<String, Object> probe =
        Map.of("method", "GET", "path", "/query-key/now", "query", Map.of("units", "metric"));

    ApiResponse response =
        call(Map.of("type", "query-key", "keyName", "api_key", "key", "${secret:odd}"), probe);

    assertThat(response.status()).isEqualTo(200);
    RecordedRequest received = sandbox.lastRequest();
    assertThat(received.rawQuery()).isEqualTo("units=metric&api_key=k%20y%2F%C3%A9%26%3D%22");
    assertThat(received.queryParameter("api_key")).contains(ODD_KEY);
  }

  @Test
  @DisplayName("body-key adds the key as the first member of a JSON object body")
  void bodyKeyJson() {
    sandbox = Sandbox.builder().bodyKey("api_key", ODD_KEY).start();
    Map<String, Object> probe =
        Map.of(
            "method",
            "POST",
            "path",
            "/body-key/messages",
            "body",
            Map.of("type", "json", "template", "{\"greeting\":\"hello\"}"));

    ApiResponse response =
        call(Map.of("type", "body-key", "keyName", "api_key", "key", "${secret:odd}"), probe);

    assertThat(response.status()).isEqualTo(200);
    RecordedRequest received = sandbox.lastRequest();
    assertThat(received.bodyText())
        .isEqualTo("{\"api_key\":\"k y/é\\u0026=\\\"\",\"greeting\":\"hello\"}");
    assertThat(received.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  @DisplayName("body-key appends the key as the last field of a form body")
  void bodyKeyForm() {
    sandbox = Sandbox.builder().bodyKey("api_key", ODD_KEY).start();
    Map<String, Object> probe =
        Map.of(
            "method",
            "POST",
            "path",
            "/body-key/messages",
            "body",
            Map.of("type", "form"),
            "params",
            Map.of("greeting", Map.of("in", "body", "private", true, "value", "hello wörld")));

    ApiResponse response =
        call(Map.of("type", "body-key", "keyName", "api_key", "key", "${secret:odd}"), probe);

    assertThat(response.status()).isEqualTo(200);
    RecordedRequest received = sandbox.lastRequest();
    assertThat(received.bodyText())
        .isEqualTo("greeting=hello+w%C3%B6rld&api_key=k+y%2F%C3%A9%26%3D%22");
    assertThat(received.header("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
  }

  @Test
  @DisplayName("body-key sends a JSON object of only the key for a POST without a body")
  void bodyKeyNoBodyPost() {
    sandbox = Sandbox.builder().bodyKey("api_key", TEST_KEY).start();

    ApiResponse response =
        call(
            Map.of("type", "body-key", "keyName", "api_key", "key", "${secret:stripe.test}"),
            Map.of("method", "POST", "path", "/body-key/messages"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().bodyText()).isEqualTo("{\"api_key\":\"" + TEST_KEY + "\"}");
  }

  @Test
  @DisplayName("body-key fails a GET without a body before sending it, and never shows the key")
  void bodyKeyGetFails() {
    sandbox = Sandbox.start();
    Keyway instance =
        keyway(
            Map.of("type", "body-key", "keyName", "api_key", "key", "${secret:stripe.test}"),
            get("/body-key/messages"),
            Environment.DEV);

    Throwable thrown =
        catchThrowable(() -> instance.call("x", "probe", Map.of()).toCompletableFuture().join());

    assertThat(thrown).isNotNull();
    assertThat(sandbox.requestCount()).isZero();
    assertThat(stackTrace(thrown)).contains("api_key").doesNotContain(TEST_KEY);
  }

  @Test
  @DisplayName("none sends the call as it is, with no credentials")
  void none() {
    sandbox = Sandbox.start();

    ApiResponse response = call(Map.of("type", "none"), get("/echo/things"));

    assertThat(response.status()).isEqualTo(200);
    RecordedRequest received = sandbox.lastRequest();
    assertThat(received.header("Authorization")).isEmpty();
    assertThat(received.rawQuery()).isEmpty();
    assertThat(received.body()).isEmpty();
  }

  @Test
  @DisplayName("a key with a line break fails at build time at its path, without its value")
  void badKeyFailsAtBuild() {
    sandbox = Sandbox.start();
    Map<String, Object> collection =
        Map.of(
            "baseUrl",
            sandbox.baseUrl().toString(),
            "auth",
            Map.of("type", "header-key", "key", "${secret:newline}"),
            "calls",
            Map.of("probe", get("/header-key/things")));

    InvalidConfigException error =
        catchThrowableOfType(
            InvalidConfigException.class,
            () ->
                Keyway.builder()
                    .configTree(Map.of("collections", Map.of("x", collection)))
                    .secrets(SecretSource.of(Map.of("newline", "sk_file_secret\n")))
                    .build());

    assertThat(error.problems())
        .extracting(ConfigProblem::path)
        .containsExactly("collections.x.auth.key");
    assertThat(error).hasMessageNotContaining("sk_file_secret");
  }
}
