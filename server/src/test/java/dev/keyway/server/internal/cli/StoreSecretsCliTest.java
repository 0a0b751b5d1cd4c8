package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.testkit.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("serve and call read ${secret:} values from the store beside the config")
class StoreSecretsCliTest {

  @TempDir Path dir;
  private Sandbox sandbox;
  private Path config;
  private MasterKey key;

  @BeforeEach
  void setUp() throws IOException {
    sandbox = Sandbox.start();
    config = dir.resolve("keyway.yaml");
    Files.writeString(
        config,
        """
        collections:
          weather:
            baseUrl: %s
            auth: { type: header-key, keyName: X-Api-Key, key: "${secret:weather.key}" }
            calls:
              current: { path: /header-key/now }
          maps:
            baseUrl: %s
            auth:
              type: basic
              username: maps-user
              password: { live: "${secret:maps.live}", dev: "${secret:maps.test}" }
            calls:
              tile: { path: /basic/tile }
        """
            .formatted(sandbox.baseUrl(), sandbox.baseUrl()));
    key = MasterKey.createFile(dir.resolve("keyway.master.key"));
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
  }

  private EncryptedFileSecretStore store() {
    return EncryptedFileSecretStore.open(dir.resolve("keyway.secrets.json"), key);
  }

  @Test
  @DisplayName("call uses a value set with keyway secrets set")
  void callUsesStore() {
    TestTerminal set = new TestTerminal(sandbox.headerKey() + "\n", Map.of());
    assertThat(set.run("secrets", "set", "weather.key", "-c", config.toString())).isZero();
    store().put("maps.test", Environment.DEV, Secret.of("unused"));

    TestTerminal call = new TestTerminal();

    assertThat(call.run("call", "-c", config.toString(), "weather", "current")).isZero();
    assertThat(call.out()).startsWith("HTTP 200").doesNotContain(sandbox.headerKey());
    assertThat(sandbox.lastRequest().header("X-Api-Key")).contains(sandbox.headerKey());
  }

  @Test
  @DisplayName("a KEYWAY_SECRET_* variable overrides the store's value")
  void variableOverridesStore() {
    store().put("weather.key", Environment.DEV, Secret.of("stale-value-in-store"));
    store().put("maps.test", Environment.DEV, Secret.of("unused"));
    TestTerminal call =
        new TestTerminal("", Map.of("KEYWAY_SECRET_WEATHER_KEY", sandbox.headerKey()));

    assertThat(call.run("call", "-c", config.toString(), "weather", "current")).isZero();
    assertThat(sandbox.lastRequest().header("X-Api-Key")).contains(sandbox.headerKey());
  }

  @Test
  @DisplayName("serve --env live with live values missing fails to start and names every one")
  void liveValuesMissing() {
    store().put("weather.key", Environment.DEV, Secret.of("dev-only-value"));
    store().put("maps.test", Environment.DEV, Secret.of("dev-only-value"));
    TestTerminal serve = new TestTerminal();

    int code = serve.run("serve", "-c", config.toString(), "--env", "live", "--port", "0");

    assertThat(code).isEqualTo(KeywayCli.USAGE);
    assertThat(serve.err())
        .contains("collections.weather.auth.key", "collections.maps.auth.password")
        .contains("live")
        .doesNotContain("dev-only-value");
    assertThat(serve.out()).doesNotContain("serving");
  }

  @Test
  @DisplayName("a store without its master key is reported with how to provide one")
  void storeWithoutKey() throws IOException {
    store().put("weather.key", Environment.DEV, Secret.of(sandbox.headerKey()));
    Files.delete(dir.resolve("keyway.master.key"));
    TestTerminal call = new TestTerminal();

    assertThat(call.run("call", "-c", config.toString(), "weather", "current")).isNotZero();
    assertThat(call.err()).contains("no master key", "keyway secrets init");
  }
}
