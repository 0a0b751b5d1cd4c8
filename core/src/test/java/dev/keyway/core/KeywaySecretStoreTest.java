package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.api.Secret;
import dev.keyway.core.RecordingServer.Answer;
import dev.keyway.core.config.SecretSource;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Keyway reads ${secret:...} from the encrypted file beside its configuration")
class KeywaySecretStoreTest {

  @TempDir Path dir;

  private final RecordingServer upstream = RecordingServer.answering(Answer.ok("{}"));

  @AfterEach
  void stop() {
    upstream.close();
  }

  private Path writeConfig() throws IOException {
    Path config = dir.resolve("keyway.yaml");
    Files.writeString(
        config,
        """
        collections:
          api:
            baseUrl: %s
            auth: { type: test-header, value: "${secret:api.key}" }
            calls:
              things: { method: GET, path: /things }
        """
            .formatted(upstream.baseUrl()));
    return config;
  }

  private Keyway.Builder builder(Path config) {
    return Keyway.builder().configFile(config).provider(new TestProviders.HeaderProvider());
  }

  @Test
  @DisplayName("by default, with the master key file beside the configuration")
  void defaultStore() throws IOException {
    Path config = writeConfig();
    MasterKey key = MasterKey.createFile(dir.resolve(MasterKey.DEFAULT_FILE_NAME));
    EncryptedFileSecretStore.open(dir.resolve(EncryptedFileSecretStore.DEFAULT_FILE_NAME), key)
        .put("api.key", Environment.DEV, Secret.of("from-the-store"));

    try (Keyway keyway = builder(config).build()) {
      keyway.call("api", "things", Map.of()).toCompletableFuture().join();
    }

    assertThat(upstream.received().get(0).headers()).containsEntry("x-test", "from-the-store");
  }

  @Test
  @DisplayName("without a secrets file, a reference is a problem that says where to add it")
  void noFile() throws IOException {
    Path config = writeConfig();

    assertThatThrownBy(() -> builder(config).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(
            "collections.api.auth.value: ${secret:api.key}: no secret named api.key in environment"
                + " dev; add it to the secret store");
  }

  @Test
  @DisplayName("with a secrets file but no master key, the problem says how to provide one")
  void noMasterKey() throws IOException {
    Path config = writeConfig();
    EncryptedFileSecretStore.open(
            dir.resolve(EncryptedFileSecretStore.DEFAULT_FILE_NAME), MasterKey.generate())
        .put("api.key", Environment.DEV, Secret.of("from-the-store"));

    assertThatThrownBy(() -> builder(config).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(
            "collections.api.auth.value: ${secret:api.key}: no master key: set KEYWAY_MASTER_KEY");
  }

  @Test
  @DisplayName("an explicit secret source replaces the file")
  void explicitSource() throws IOException {
    Path config = writeConfig();

    try (Keyway keyway =
        builder(config).secrets(SecretSource.of(Map.of("api.key", "from-a-map"))).build()) {
      keyway.call("api", "things", Map.of()).toCompletableFuture().join();
    }

    assertThat(upstream.received().get(0).headers()).containsEntry("x-test", "from-a-map");
  }
}
