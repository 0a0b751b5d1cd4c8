package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.SecretSource;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Starting in environment live with a live value missing fails, listing every one")
class LiveEnvironmentTest {

  private static final String YAML =
      """
      collections:
        a:
          baseUrl: { dev: "http://127.0.0.1:1" }
          auth: { type: test-header, value: { dev: "dev-only-key" } }
          calls: {}
        b:
          baseUrl: http://127.0.0.1:1
          auth: { type: test-header, value: "${secret:b.key}" }
          calls: {}
        c:
          baseUrl: http://127.0.0.1:1
          auth: { type: conditional, token: { dev: "dev-token" }, scope: { dev: "sandbox" } }
          calls: {}
      """;

  /** {@code conditional}: {@code token} is optional in its spec but required by its own check. */
  static final class ConditionalProvider implements AuthProvider {
    @Override
    public String type() {
      return "conditional";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.optional("token", "required unless a scope is set").asSecret(),
          SettingSpec.optional("scope", "a scope"));
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      ConfigProblems problems = new ConfigProblems();
      problems.requireSecret(settings, "token");
      problems.throwIfAny();
      return AuthMethod.NONE;
    }
  }

  private static Keyway.Builder builder(KeywayConfig config) {
    return Keyway.builder()
        .config(config)
        .provider(new TestProviders.HeaderProvider())
        .provider(new ConditionalProvider());
  }

  private static List<String> problems(Runnable start) {
    return catchThrowableOfType(InvalidConfigException.class, start::run).problems().stream()
        .map(ConfigProblem::toString)
        .toList();
  }

  @TempDir Path dir;

  private Path configFile(String yaml) throws IOException {
    Path file = dir.resolve("keyway.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static Keyway.Builder withProviders(Keyway.Builder builder) {
    return builder.provider(new TestProviders.HeaderProvider()).provider(new ConditionalProvider());
  }

  @Test
  @DisplayName("Keyway.builder() lists the missing base URL, auth settings and secret together")
  void listsEveryMissingValue() throws IOException {
    Path file = configFile(YAML);

    List<String> problems =
        problems(
            () ->
                withProviders(Keyway.builder().configFile(file))
                    .environment(Environment.LIVE)
                    .secrets(SecretSource.NONE)
                    .build()
                    .close());

    assertThat(problems)
        .containsExactly(
            "collections.a.baseUrl: required in environment live",
            "collections.a.auth.value: required in environment live",
            "collections.b.auth.value: ${secret:b.key}: no secret named b.key in environment"
                + " live; add it to the secret store");
  }

  @Test
  @DisplayName("the same configuration starts in environment dev")
  void devStarts() throws IOException {
    Path file = configFile(YAML);

    try (Keyway keyway =
        withProviders(Keyway.builder().configFile(file))
            .secrets(SecretSource.of(Map.of("b.key", "dev-secret-1")))
            .build()) {
      assertThat(keyway.environment()).isEqualTo(Environment.DEV);
    }
  }

  @Test
  @DisplayName(
      "a model loaded without providers: the provider's 'required' says in which environment")
  void providerRequiredSaysEnvironment() {
    KeywayConfig config =
        ConfigLoader.create()
            .withEnvironment(Environment.LIVE)
            .withSecrets(SecretSource.of(Map.of("b.key", "live-secret-1")))
            .parse(YAML.replace("{ dev: \"http://127.0.0.1:1\" }", "http://127.0.0.1:1"));

    assertThat(config.collections().get("a").auth().absentInEnvironment()).containsExactly("value");
    assertThat(problems(() -> builder(config).build()))
        .containsExactlyInAnyOrder(
            "collections.a.auth.value: required in environment live",
            "collections.c.auth.token: required in environment live");
  }

  @Test
  @DisplayName("an optional auth setting written for dev only is simply left out in live")
  void optionalSettingLeftOut() {
    KeywayConfig config =
        ConfigLoader.create()
            .withEnvironment(Environment.LIVE)
            .withAuthProviders(List.of(new ConditionalProvider()))
            .parse(
                """
                collections:
                  c:
                    baseUrl: http://127.0.0.1:1
                    auth: { type: conditional, token: t0k3n-live, scope: { dev: sandbox } }
                    calls: {}
                """);

    assertThat(config.collections().get("c").auth().settings()).containsOnlyKeys("token");
    assertThat(config.collections().get("c").auth().absentInEnvironment()).containsExactly("scope");
  }
}
