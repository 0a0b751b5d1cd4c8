package dev.keyway.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.Keyway;
import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("x-api-token (example plugin)")
class ApiTokenProviderCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new ApiTokenProvider();
  }

  @Override
  protected Sandbox startSandbox() {
    return Sandbox.builder().headerKey("X-Api-Token").start();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("token", sandbox.headerKey());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("token", "not-the-sandbox-token");
  }

  @Override
  protected String sandboxPath() {
    return "/header-key/things";
  }

  // The plugin's own behaviour, tested with the kit's helpers.

  @Test
  @DisplayName("sends the token in the header that headerName names")
  void customHeader() throws Exception {
    try (Sandbox custom = Sandbox.builder().headerKey("X-Acme-Token").start();
        Keyway keyway =
            Keyway.builder()
                .configTree(
                    Map.of(
                        "environment",
                        "dev",
                        "collections",
                        Map.of(
                            "acme",
                            Map.of(
                                "baseUrl", custom.baseUrl().toString(),
                                "auth",
                                    Map.of(
                                        "type", "x-api-token",
                                        "token", custom.headerKey(),
                                        "headerName", "X-Acme-Token"),
                                "calls",
                                    Map.of(
                                        "probe",
                                        Map.of("method", "GET", "path", "/header-key/x"))))))
                .build()) {
      int status =
          keyway
              .call("acme", "probe", Map.of())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS)
              .status();

      assertThat(status).isEqualTo(200);
      assertThat(custom.lastRequest().header("X-Acme-Token")).contains(custom.headerKey());
      assertThat(custom.lastRequest().header("X-Api-Token")).isEmpty();
    }
  }

  @Test
  @DisplayName("refuses a headerName that is not a header name and a token with a line break")
  void invalidSettings() {
    assertThatThrownBy(() -> buildKeyway(Map.of("token", "a\nb", "headerName", "X Token")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            refused ->
                assertThat(refused.problems())
                    .extracting(ConfigProblem::path)
                    .containsExactlyInAnyOrder(
                        "collections.kit.auth.token", "collections.kit.auth.headerName"));
  }

  @Test
  @DisplayName("refuses an empty token")
  void emptyToken() {
    assertThatThrownBy(() -> buildKeyway(Map.of("token", "")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            refused ->
                assertThat(refused.problems())
                    .extracting(ConfigProblem::path)
                    .containsExactly("collections.kit.auth.token"));
  }

  @Test
  @DisplayName("names only its header in toString")
  void describes() {
    assertThat(buildKeyway(validSettings(sandbox())).authMethod("kit"))
        .hasToString("ApiTokenMethod[X-Api-Token]");
  }
}
