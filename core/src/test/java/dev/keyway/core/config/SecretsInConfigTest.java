package dev.keyway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("${secret:...} references resolved from the encrypted store")
class SecretsInConfigTest {

  private static final String YAML =
      """
      %s
      collections:
        stripe:
          baseUrl: https://api.stripe.com
          auth: { type: header-key, key: "Bearer ${secret:stripe}" }
          calls: {}
      """;

  @TempDir Path dir;

  private final MasterKey key = MasterKey.generate();
  private final List<ConfigProblem> warnings = new ArrayList<>();

  private EncryptedFileSecretStore store() {
    return EncryptedFileSecretStore.open(
        dir.resolve(EncryptedFileSecretStore.DEFAULT_FILE_NAME), key);
  }

  private KeywayConfig load(Environment environment, String top) throws IOException {
    Path config = dir.resolve("keyway.yaml");
    Files.writeString(config, YAML.formatted(top));
    return ConfigLoader.create()
        .withSecrets(store())
        .withEnvironment(environment)
        .withWarningListener(warnings::add)
        .load(config);
  }

  private static Map<String, Object> auth(KeywayConfig config) {
    return config.collections().get("stripe").auth().settings();
  }

  @Test
  @DisplayName("each environment reads its own value")
  void perEnvironment() throws IOException {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_1"));
    store().put("stripe", Environment.DEV, Secret.of("sk_test_1"));

    assertThat(auth(load(Environment.LIVE, ""))).contains(entry("key", "Bearer sk_live_1"));
    assertThat(auth(load(Environment.DEV, ""))).contains(entry("key", "Bearer sk_test_1"));
    assertThat(warnings).isEmpty();
  }

  @Test
  @DisplayName("live never uses a dev value: a missing live secret is a problem naming live")
  void liveNeverUsesDev() throws IOException {
    store().put("stripe", Environment.DEV, Secret.of("sk_test_1"));

    assertThatThrownBy(() -> load(Environment.LIVE, ""))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(
            "collections.stripe.auth.key: ${secret:stripe}: no secret named stripe in environment"
                + " live; add it to the secret store");
  }

  @Test
  @DisplayName("dev falls back to the live value with a warning that names the path and the fix")
  void devFallsBackWithWarning() throws IOException {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_1"));

    assertThat(auth(load(Environment.DEV, ""))).contains(entry("key", "Bearer sk_live_1"));
    assertThat(warnings)
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "collections.stripe.auth.key: ${secret:stripe}: the secret store has no dev value of"
                + " stripe, so environment dev uses the LIVE value; add a dev value (keyway secrets"
                + " set stripe --env dev), or set strictEnvironments: true to make this an error");
  }

  @Test
  @DisplayName("strictEnvironments refuses the dev fallback")
  void strictRefusesFallback() throws IOException {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_1"));

    assertThatThrownBy(() -> load(Environment.DEV, "strictEnvironments: true"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(
            "collections.stripe.auth.key: ${secret:stripe}: the secret store has no dev value of"
                + " stripe; strictEnvironments forbids using the live value");
    assertThat(warnings).isEmpty();
  }

  @Test
  @DisplayName("a value that does not decrypt is a problem at its path, with the store's message")
  void undecryptableValue() throws IOException {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_1"));
    Path file = store().file();
    // Replace the ciphertext by another of the same length: still base64, no longer authentic.
    String text = Files.readString(file);
    int at = text.indexOf("\"ciphertext\" : \"") + 16;
    Files.writeString(
        file,
        text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1));

    assertThatThrownBy(() -> load(Environment.LIVE, ""))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("collections.stripe.auth.key: ${secret:stripe}: " + store().file())
        .hasMessageContaining("secret stripe (live) does not decrypt");
  }
}
