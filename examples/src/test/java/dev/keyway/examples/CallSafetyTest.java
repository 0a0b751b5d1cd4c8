package dev.keyway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.Sandbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a caller cannot do, shown end to end against the sandbox over loopback HTTP. */
class CallSafetyTest {

  private Sandbox sandbox;
  private Keyway keyway;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start();
    Map<String, Object> calls = new LinkedHashMap<>();
    calls.put(
        "user",
        Map.of(
            "method", "GET", "path", "/users/[id]", "params", Map.of("id", Map.of("in", "path"))));
    calls.put(
        "traced",
        Map.of("method", "GET", "path", "/t", "params", Map.of("X-Trace", Map.of("in", "header"))));
    Map<String, Object> createParams = new LinkedHashMap<>(); // body fields go out in this order
    createParams.put("name", Map.of("in", "body"));
    createParams.put("owner", Map.of("in", "body", "private", true, "value", "acme"));
    calls.put(
        "create",
        Map.of(
            "method",
            "POST",
            "path",
            "/items",
            "body",
            Map.of("type", "json"),
            "params",
            createParams));
    keyway =
        Keyway.builder()
            .configTree(
                Map.of(
                    "collections",
                    Map.of(
                        "api",
                        Map.of(
                            "baseUrl",
                            sandbox.baseUrl() + "/header-key/v1",
                            "auth",
                            Map.of(
                                "type", "header-key",
                                "keyName", sandbox.headerKeyName(),
                                "key", sandbox.headerKey()),
                            "calls",
                            calls))))
            .build();
  }

  @AfterEach
  void stop() {
    keyway.close();
    sandbox.close();
  }

  private ApiResponse call(String call, Map<String, ?> params) {
    return keyway.call("api", call, params).toCompletableFuture().join();
  }

  @Test
  @DisplayName("a well-formed call reaches the sandbox under the collection's path prefix")
  void wellFormed() {
    assertThat(call("user", Map.of("id", "42")).status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/header-key/v1/users/42");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../admin", "%2e%2e", "a/b", "//evil.example", "..%2fadmin", "%252e%252e"})
  @DisplayName("a path value cannot leave the path prefix or change the host: nothing is sent")
  void hostilePathValues(String value) {
    assertThatThrownBy(() -> call("user", Map.of("id", value)))
        .hasCauseInstanceOf(CallRejectedException.class);
    assertThat(sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("encoded characters stay inside one segment")
  void encodedSegment() {
    call("user", Map.of("id", "a b?c#d@evil.example:80"));
    assertThat(sandbox.lastRequest().rawPath())
        .isEqualTo("/header-key/v1/users/a%20b%3Fc%23d%40evil.example%3A80");
    assertThat(sandbox.lastRequest().rawQuery()).isEmpty();
  }

  @Test
  @DisplayName("a header parameter with CR LF is refused before anything is sent")
  void headerInjection() {
    assertThatThrownBy(() -> call("traced", Map.of("X-Trace", "1\r\nX-Admin: true")))
        .hasCauseInstanceOf(CallRejectedException.class);
    assertThat(sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("a private or undeclared parameter is refused before anything is sent")
  void privateAndUndeclared() {
    assertThatThrownBy(() -> call("create", Map.of("name", "x", "owner", "mallory")))
        .cause()
        .isInstanceOfSatisfying(
            CallRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Object::toString)
                    .containsExactly("params.owner: private; its value comes from configuration"));
    assertThatThrownBy(() -> call("create", Map.of("name", "x", "admin", true)))
        .cause()
        .isInstanceOf(CallRejectedException.class)
        .hasMessageContaining("params.admin: not a parameter of api.create");
    assertThat(sandbox.requestCount()).isZero();

    call("create", Map.of("name", "x"));
    assertThat(sandbox.lastRequest().bodyText()).isEqualTo("{\"name\":\"x\",\"owner\":\"acme\"}");
  }

  @Test
  @DisplayName("a configuration with three mistakes reports all three with their paths")
  void threeMistakes() {
    Map<String, Object> tree =
        Map.of(
            "collections",
            Map.of(
                "api",
                Map.of(
                    "baseUrl", "ftp://example.com",
                    "auth", Map.of("type", "header-key", "key", "k"),
                    "calls",
                        Map.of(
                            "c",
                            Map.of(
                                "method", "GET",
                                "path", "x",
                                "params", Map.of("p", Map.of("in", "nowhere")))))));
    assertThatThrownBy(() -> Keyway.builder().configTree(tree).build())
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(problem -> problem.path())
                    .containsExactlyInAnyOrderElementsOf(
                        List.of(
                            "collections.api.baseUrl",
                            "collections.api.calls.c.path",
                            "collections.api.calls.c.params.p.in")));
  }
}
