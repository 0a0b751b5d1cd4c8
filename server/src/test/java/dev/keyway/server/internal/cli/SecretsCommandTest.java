package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("keyway secrets")
class SecretsCommandTest {

  private static final String VALUE = "sk_test_value-4f9a2c8e1b7d";

  @TempDir Path dir;

  private Path config() {
    return dir.resolve("keyway.yaml");
  }

  private Path keyFile() {
    return dir.resolve("keyway.master.key");
  }

  private Path storeFile() {
    return dir.resolve("keyway.secrets.json");
  }

  private TestTerminal run(String stdin, Map<String, String> env, String... args) {
    TestTerminal terminal = new TestTerminal(stdin, env);
    terminal.exitCode = terminal.run(args);
    return terminal;
  }

  private TestTerminal run(String stdin, String... args) {
    return run(stdin, Map.of(), args);
  }

  private Optional<Secret> stored(String name, Environment env) {
    return EncryptedFileSecretStore.open(storeFile(), MasterKey.readFile(keyFile()))
        .find(name, env);
  }

  private void initStore() {
    assertThat(run("", "secrets", "init", "-c", config().toString()).exitCode).isZero();
  }

  @Test
  @DisplayName("init creates an owner-only master key file beside the config and says so")
  void init() throws IOException {
    TestTerminal terminal = run("", "secrets", "init", "--config", config().toString());

    assertThat(terminal.exitCode).isZero();
    assertThat(Files.getPosixFilePermissions(keyFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    MasterKey key = MasterKey.readFile(keyFile());
    assertThat(terminal.out())
        .contains(keyFile().toString(), key.id(), "secrets set")
        .doesNotContain(key.revealBase64());
  }

  @Test
  @DisplayName("init refuses to overwrite an existing key file")
  void initRefusesOverwrite() throws IOException {
    initStore();
    String before = Files.readString(keyFile());

    TestTerminal again = run("", "secrets", "init", "-c", config().toString());

    assertThat(again.exitCode).isEqualTo(KeywayCli.FAILED);
    assertThat(again.err()).contains("already exists");
    assertThat(Files.readString(keyFile())).isEqualTo(before);
  }

  @Test
  @DisplayName("init needs --config or --store")
  void initNeedsLocation() {
    assertThat(run("", "secrets", "init").exitCode).isEqualTo(KeywayCli.USAGE);
  }

  @Test
  @DisplayName("set reads a piped value whole, drops one trailing newline, and never prints it")
  void setFromStdin() {
    initStore();

    TestTerminal set =
        run(
            VALUE + "\n",
            "secrets",
            "set",
            "stripe.key",
            "--env",
            "live",
            "-c",
            config().toString());
    TestTerminal twoLines =
        run("line1\nline2\n\n", "secrets", "set", "multi", "-c", config().toString());

    assertThat(set.exitCode).isZero();
    assertThat(set.out()).contains("stripe.key", "live").doesNotContain(VALUE);
    assertThat(stored("stripe.key", Environment.LIVE)).map(Secret::reveal).contains(VALUE);
    assertThat(stored("stripe.key", Environment.DEV)).isEmpty();
    assertThat(stored("multi", Environment.DEV)).map(Secret::reveal).contains("line1\nline2\n");
  }

  @Test
  @DisplayName("set refuses a value given as an argument, without quoting it")
  void setRefusesArgument() {
    initStore();

    TestTerminal plain = run("", "secrets", "set", "stripe.key", VALUE, "-c", config().toString());
    TestTerminal optionLike =
        run("", "secrets", "set", "stripe.key", "--" + VALUE, "-c", config().toString());

    for (TestTerminal terminal : new TestTerminal[] {plain, optionLike}) {
      assertThat(terminal.exitCode).isEqualTo(KeywayCli.USAGE);
      assertThat(terminal.err()).contains("standard input").doesNotContain(VALUE);
      assertThat(terminal.out()).doesNotContain(VALUE);
    }
    assertThat(Files.exists(storeFile())).isFalse();
  }

  @Test
  @DisplayName("set without a master key says how to make one, and stores nothing")
  void setWithoutMasterKey() {
    TestTerminal terminal = run(VALUE, "secrets", "set", "stripe.key", "-c", config().toString());

    assertThat(terminal.exitCode).isEqualTo(KeywayCli.FAILED);
    assertThat(terminal.err())
        .contains("no master key", "KEYWAY_MASTER_KEY", "keyway secrets init")
        .doesNotContain(VALUE);
    assertThat(Files.exists(storeFile())).isFalse();
  }

  @Test
  @DisplayName("set refuses an empty value, a bad name and an unknown environment")
  void setBadInput() {
    initStore();

    assertThat(run("", "secrets", "set", "a", "-c", config().toString()).exitCode)
        .isEqualTo(KeywayCli.USAGE);
    assertThat(run("\n", "secrets", "set", "a", "-c", config().toString()).exitCode)
        .isEqualTo(KeywayCli.USAGE);
    assertThat(run(VALUE, "secrets", "set", "bad name!", "-c", config().toString()).exitCode)
        .isEqualTo(KeywayCli.USAGE);
    TestTerminal env =
        run(VALUE, "secrets", "set", "a", "--env", "prod", "-c", config().toString());
    assertThat(env.exitCode).isEqualTo(KeywayCli.USAGE);
    assertThat(env.err()).contains("expected dev or live");
    assertThat(Files.exists(storeFile())).isFalse();
  }

  @Test
  @DisplayName("--store names the store file; the key is found beside it")
  void storeOption() {
    Path store = dir.resolve("elsewhere").resolve("my.secrets.json");
    store.getParent().toFile().mkdirs();
    assertThat(run("", "secrets", "init", "--store", store.toString()).exitCode).isZero();

    assertThat(run(VALUE, "secrets", "set", "a", "--store", store.toString()).exitCode).isZero();

    MasterKey key = MasterKey.readFile(store.resolveSibling("keyway.master.key"));
    assertThat(EncryptedFileSecretStore.open(store, key).find("a", Environment.DEV))
        .map(Secret::reveal)
        .contains(VALUE);
  }

  @Test
  @DisplayName("list shows names, environments and last changes, never a value")
  void list() {
    initStore();
    run(VALUE, "secrets", "set", "stripe.key", "--env", "live", "-c", config().toString());
    run("dev-" + VALUE, "secrets", "set", "stripe.key", "--env", "dev", "-c", config().toString());

    TestTerminal list = run("", "secrets", "list", "-c", config().toString());

    assertThat(list.exitCode).isZero();
    assertThat(list.out())
        .contains("NAME", "ENV", "LAST CHANGE", "stripe.key  dev", "stripe.key  live", "UTC")
        .contains("2 values")
        .doesNotContain(VALUE);
  }

  @Test
  @DisplayName("list of an empty store says so, and needs no master key")
  void listEmpty() {
    TestTerminal list = run("", "secrets", "list", "-c", config().toString());

    assertThat(list.exitCode).isZero();
    assertThat(list.out()).contains("no secrets");
  }

  @Test
  @DisplayName("delete removes one environment's value with --env, both without; unknown fails")
  void delete() {
    initStore();
    run(VALUE, "secrets", "set", "k", "--env", "live", "-c", config().toString());
    run(VALUE, "secrets", "set", "k", "--env", "dev", "-c", config().toString());
    run(VALUE, "secrets", "set", "other", "-c", config().toString());

    TestTerminal live =
        run("", "secrets", "delete", "k", "--env", "live", "-c", config().toString());
    assertThat(live.exitCode).isZero();
    assertThat(stored("k", Environment.LIVE)).isEmpty();
    assertThat(stored("k", Environment.DEV)).isPresent();

    TestTerminal both = run("", "secrets", "delete", "other", "-c", config().toString());
    assertThat(both.exitCode).isZero();
    assertThat(stored("other", Environment.DEV)).isEmpty();

    TestTerminal unknown = run("", "secrets", "delete", "nope", "-c", config().toString());
    assertThat(unknown.exitCode).isEqualTo(KeywayCli.FAILED);
    assertThat(unknown.err()).contains("no secret nope", "secrets list");
  }

  @Test
  @DisplayName("rotate-master-key replaces the key file; old values stay readable, new ones use it")
  void rotateInPlace() throws IOException {
    initStore();
    run(VALUE, "secrets", "set", "before", "-c", config().toString());
    MasterKey old = MasterKey.readFile(keyFile());

    TestTerminal rotate = run("", "secrets", "rotate-master-key", "-c", config().toString());

    assertThat(rotate.exitCode).isZero();
    MasterKey fresh = MasterKey.readFile(keyFile());
    assertThat(fresh.id()).isNotEqualTo(old.id());
    assertThat(rotate.out()).contains(fresh.id(), old.id()).doesNotContain(fresh.revealBase64());
    assertThat(Files.exists(dir.resolve("keyway.master.key.new"))).isFalse();
    assertThat(Files.getPosixFilePermissions(keyFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(stored("before", Environment.DEV)).map(Secret::reveal).contains(VALUE);

    run("after-" + VALUE, "secrets", "set", "after", "-c", config().toString());
    assertThat(stored("after", Environment.DEV)).map(Secret::reveal).contains("after-" + VALUE);
    JsonNode file = new ObjectMapper().readTree(storeFile().toFile());
    String active = file.path("activeDataKey").asText();
    assertThat(keyIdOf(file, "after")).isEqualTo(active);
    for (JsonNode dataKey : file.path("dataKeys")) {
      assertThat(dataKey.path("masterKeyId").asText()).isEqualTo(fresh.id());
    }
  }

  @Test
  @DisplayName("rotate-master-key --new-key-file creates the new key there and leaves the old file")
  void rotateToNewFile() throws IOException {
    initStore();
    run(VALUE, "secrets", "set", "before", "-c", config().toString());
    String oldText = Files.readString(keyFile());
    Path newKey = dir.resolve("next.key");

    TestTerminal rotate =
        run(
            "",
            "secrets",
            "rotate-master-key",
            "--new-key-file",
            newKey.toString(),
            "-c",
            config().toString());

    assertThat(rotate.exitCode).isZero();
    assertThat(rotate.out()).contains(newKey.toString(), "KEYWAY_MASTER_KEY_FILE");
    assertThat(Files.readString(keyFile())).isEqualTo(oldText);
    Map<String, String> env = new HashMap<>();
    env.put("KEYWAY_MASTER_KEY_FILE", newKey.toString());
    TestTerminal list = run("", env, "secrets", "list", "-c", config().toString());
    assertThat(list.out()).contains("before");
    assertThat(
            EncryptedFileSecretStore.open(storeFile(), MasterKey.readFile(newKey))
                .find("before", Environment.DEV))
        .map(Secret::reveal)
        .contains(VALUE);
  }

  @Test
  @DisplayName("rotate-master-key with the key in KEYWAY_MASTER_KEY needs --new-key-file")
  void rotateInlineKey() {
    MasterKey key = MasterKey.generate();
    Map<String, String> env = Map.of("KEYWAY_MASTER_KEY", key.revealBase64());
    assertThat(run(VALUE, env, "secrets", "set", "a", "-c", config().toString()).exitCode).isZero();

    TestTerminal rotate = run("", env, "secrets", "rotate-master-key", "-c", config().toString());

    assertThat(rotate.exitCode).isEqualTo(KeywayCli.USAGE);
    assertThat(rotate.err()).contains("--new-key-file").doesNotContain(key.revealBase64());
    assertThat(EncryptedFileSecretStore.open(storeFile(), key).find("a", Environment.DEV))
        .isPresent();
  }

  private static String keyIdOf(JsonNode file, String name) {
    for (JsonNode secret : file.path("secrets")) {
      if (secret.path("name").asText().equals(name)) {
        return secret.path("keyId").asText();
      }
    }
    throw new AssertionError("no secret " + name);
  }
}
