package dev.keyway.auth.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.SecretSource;
import dev.keyway.testkit.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs a real Keyway against the sandbox and checks the exact Basic header that arrived. */
@DisplayName("basic on the wire")
class BasicOnTheWireTest {

  private static final SecretSource SECRETS =
      SecretSource.of(
          Map.of(
              "shop.password", "pa:ss wörd",
              "shop.user", "Jürgen",
              "shop.live", "live-pw",
              "shop.test", "test-pw"));

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

  private Map<String, Object> tree(Map<String, Object> auth) {
    Map<String, Object> collection =
        Map.of(
            "baseUrl",
            sandbox.baseUrl().toString(),
            "auth",
            auth,
            "calls",
            Map.of("probe", Map.of("method", "GET", "path", "/basic/things")));
    return Map.of("collections", Map.of("x", collection));
  }

  private ApiResponse call(Map<String, Object> auth, Environment environment) {
    keyway =
        Keyway.builder().configTree(tree(auth)).environment(environment).secrets(SECRETS).build();
    return keyway.call("x", "probe", Map.of()).toCompletableFuture().join();
  }

  @Test
  @DisplayName("sends a non-ASCII username and a password with ':' as UTF-8 (RFC 7617 §2.1)")
  void nonAscii() {
    sandbox = Sandbox.builder().basic("Jürgen", "pa:ss wörd").start();

    ApiResponse response =
        call(
            Map.of("type", "basic", "username", "Jürgen", "password", "${secret:shop.password}"),
            Environment.DEV);

    assertThat(response.status()).isEqualTo(200);
    // base64("Jürgen:pa:ss wörd" as UTF-8)
    assertThat(sandbox.lastRequest().headers().all("Authorization"))
        .containsExactly("Basic SsO8cmdlbjpwYTpzcyB3w7ZyZA==");
  }

  @Test
  @DisplayName("reads a username given as a secret reference")
  void usernameFromSecret() {
    sandbox = Sandbox.builder().basic("Jürgen", "pa:ss wörd").start();

    ApiResponse response =
        call(
            Map.of(
                "type",
                "basic",
                "username",
                "${secret:shop.user}",
                "password",
                "${secret:shop.password}"),
            Environment.DEV);

    assertThat(response.status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().header("Authorization"))
        .contains("Basic SsO8cmdlbjpwYTpzcyB3w7ZyZA==");
  }

  @Test
  @DisplayName("sends the live credentials in the live environment")
  void live() {
    sandbox = Sandbox.builder().basic("shop-42", "live-pw").start();

    ApiResponse response =
        call(
            Map.of(
                "type",
                "basic",
                "username",
                Map.of("live", "shop-42", "dev", "shop-test"),
                "password",
                Map.of("live", "${secret:shop.live}", "dev", "${secret:shop.test}")),
            Environment.LIVE);

    assertThat(response.status()).isEqualTo(200);
    // base64("shop-42:live-pw")
    assertThat(sandbox.lastRequest().header("Authorization"))
        .contains("Basic c2hvcC00MjpsaXZlLXB3");
  }

  @Test
  @DisplayName("a username with ':' fails at build time at its path, without its value")
  void colonInUsername() {
    sandbox = Sandbox.start();

    InvalidConfigException error =
        catchThrowableOfType(
            InvalidConfigException.class,
            () ->
                Keyway.builder()
                    .configTree(
                        tree(
                            Map.of(
                                "type",
                                "basic",
                                "username",
                                "acct_secret_7:x",
                                "password",
                                "${secret:shop.password}")))
                    .secrets(SECRETS)
                    .build());

    assertThat(error.problems())
        .extracting(ConfigProblem::path)
        .containsExactly("collections.x.auth.username");
    assertThat(error).hasMessageNotContaining("acct_secret_7").hasMessageNotContaining("wörd");
    assertThat(sandbox.requestCount()).isZero();
  }
}
