package dev.keyway.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("EncryptedFileSecretStore")
class EncryptedFileSecretStoreTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(START);
  private final MasterKey masterKey = MasterKey.generate();

  private Path file() {
    return dir.resolve(EncryptedFileSecretStore.DEFAULT_FILE_NAME);
  }

  private EncryptedFileSecretStore store() {
    return EncryptedFileSecretStore.open(file(), masterKey).withClock(clock);
  }

  private static String reveal(Optional<Secret> secret) {
    return secret.orElseThrow().reveal();
  }

  @Test
  @DisplayName("stores a value per name and environment, and finds it again from a new instance")
  void roundTrip() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    store().put("stripe", Environment.DEV, Secret.of("sk_test_xyz789"));

    EncryptedFileSecretStore reopened = EncryptedFileSecretStore.open(file(), masterKey);
    assertThat(reveal(reopened.find("stripe", Environment.LIVE))).isEqualTo("sk_live_abc123");
    assertThat(reveal(reopened.find("stripe", Environment.DEV))).isEqualTo("sk_test_xyz789");
    assertThat(reopened.find("other", Environment.LIVE)).isEmpty();
  }

  @Test
  @DisplayName("never falls back to another environment's value")
  void environmentsAreSeparate() {
    store().put("weather", Environment.LIVE, Secret.of("live-only-value"));

    assertThat(store().find("weather", Environment.DEV)).isEmpty();
  }

  @Test
  @DisplayName("keeps non-ASCII and empty values exactly")
  void exactValues() {
    store().put("unicode", Environment.DEV, Secret.of("pässwörd ✓ 🔑"));
    store().put("empty", Environment.DEV, Secret.of(""));

    assertThat(reveal(store().find("unicode", Environment.DEV))).isEqualTo("pässwörd ✓ 🔑");
    assertThat(reveal(store().find("empty", Environment.DEV))).isEmpty();
  }

  @Test
  @DisplayName("replaces a value, deletes one, and lists names, environments and last changes")
  void replaceDeleteList() {
    EncryptedFileSecretStore store = store();
    store.put("b", Environment.LIVE, Secret.of("first-value"));
    clock.advance(Duration.ofMinutes(5));
    store.put("b", Environment.LIVE, Secret.of("second-value"));
    store.put("a", Environment.DEV, Secret.of("a-value"));
    store.put("c", Environment.DEV, Secret.of("c-value"));

    assertThat(store.delete("c", Environment.DEV)).isTrue();
    assertThat(store.delete("c", Environment.DEV)).isFalse();
    assertThat(reveal(store.find("b", Environment.LIVE))).isEqualTo("second-value");
    assertThat(store.list())
        .containsExactly(
            new SecretMetadata("a", Environment.DEV, START.plus(Duration.ofMinutes(5))),
            new SecretMetadata("b", Environment.LIVE, START.plus(Duration.ofMinutes(5))));
  }

  @Test
  @DisplayName("writes no value, key or master key in clear, and makes the file 0600")
  void nothingInClear() throws IOException {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_CLEARTEXT_CANARY"));

    String text = Files.readString(file());
    assertThat(text)
        .doesNotContain("CLEARTEXT_CANARY")
        .doesNotContain(masterKey.revealBase64())
        .contains("\"format\" : \"keyway-secrets\"")
        .contains("\"masterKeyId\" : \"" + masterKey.id() + "\"");
    if (Files.getFileStore(file()).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
          .isEqualTo("rw-------");
    }
    assertThat(store().toString()).isEqualTo("EncryptedFileSecretStore[" + file() + "]");
  }

  @Test
  @DisplayName("draws a fresh nonce for each encryption: equal values seal differently")
  void freshNonces() {
    store().put("one", Environment.DEV, Secret.of("same-value"));
    store().put("two", Environment.DEV, Secret.of("same-value"));
    String firstNonce =
        SecretsFiles.record(SecretsFiles.read(file()), "one", "dev").get("nonce").asText();
    store().put("one", Environment.DEV, Secret.of("same-value"));

    ObjectNode root = SecretsFiles.read(file());
    ObjectNode one = SecretsFiles.record(root, "one", "dev");
    ObjectNode two = SecretsFiles.record(root, "two", "dev");
    assertThat(one.get("nonce").asText())
        .isNotEqualTo(firstNonce)
        .isNotEqualTo(two.get("nonce").asText());
    assertThat(one.get("ciphertext").asText()).isNotEqualTo(two.get("ciphertext").asText());
    assertThat(java.util.Base64.getDecoder().decode(one.get("nonce").asText())).hasSize(12);
  }

  @Test
  @DisplayName(
      "a ciphertext with one bit flipped does not decrypt: it fails loudly, naming the fix")
  void tamperedCiphertext() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    SecretsFiles.edit(
        file(),
        root -> SecretsFiles.flip(SecretsFiles.record(root, "stripe", "live"), "ciphertext", 3));

    assertThatThrownBy(() -> store().find("stripe", Environment.LIVE))
        .isInstanceOf(SecretStoreException.class)
        .hasMessage(
            file()
                + ": secret stripe (live) does not decrypt: its record was altered, or copied from"
                + " another name or environment; set it again with keyway secrets set stripe --env"
                + " live");
  }

  @Test
  @DisplayName("a flipped nonce or authentication tag does not decrypt either")
  void tamperedNonceAndTag() {
    store().put("a", Environment.LIVE, Secret.of("value-a-123"));
    store().put("b", Environment.LIVE, Secret.of("value-b-123"));
    SecretsFiles.edit(
        file(),
        root -> {
          SecretsFiles.flip(SecretsFiles.record(root, "a", "live"), "nonce", 0);
          ObjectNode b = SecretsFiles.record(root, "b", "live");
          int last = java.util.Base64.getDecoder().decode(b.get("ciphertext").asText()).length - 1;
          SecretsFiles.flip(b, "ciphertext", last); // in the tag
        });

    assertThatThrownBy(() -> store().find("a", Environment.LIVE))
        .hasMessageContaining("does not decrypt");
    assertThatThrownBy(() -> store().find("b", Environment.LIVE))
        .hasMessageContaining("does not decrypt");
  }

  @Test
  @DisplayName("a ciphertext copied to another name does not decrypt")
  void movedToAnotherName() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    store().put("weather", Environment.LIVE, Secret.of("weather-key-1"));
    SecretsFiles.edit(file(), root -> copyCipher(root, "stripe", "live", "weather", "live"));

    assertThatThrownBy(() -> store().find("weather", Environment.LIVE))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("secret weather (live) does not decrypt")
        .hasMessageNotContaining("sk_live_abc123");
  }

  @Test
  @DisplayName("a ciphertext copied to another environment does not decrypt")
  void movedToAnotherEnvironment() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    store().put("stripe", Environment.DEV, Secret.of("sk_test_abc123"));
    SecretsFiles.edit(file(), root -> copyCipher(root, "stripe", "live", "stripe", "dev"));

    assertThatThrownBy(() -> store().find("stripe", Environment.DEV))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("secret stripe (dev) does not decrypt");
  }

  @Test
  @DisplayName("a record renamed in place (its name or environment edited) does not decrypt")
  void renamedRecord() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    SecretsFiles.edit(
        file(),
        root -> {
          ObjectNode record = SecretsFiles.record(root, "stripe", "live");
          record.put("environment", "dev");
        });

    assertThatThrownBy(() -> store().find("stripe", Environment.DEV))
        .hasMessageContaining("secret stripe (dev) does not decrypt");
  }

  private static void copyCipher(
      ObjectNode root, String fromName, String fromEnv, String toName, String toEnv) {
    ObjectNode from = SecretsFiles.record(root, fromName, fromEnv);
    ObjectNode to = SecretsFiles.record(root, toName, toEnv);
    to.put("nonce", from.get("nonce").asText());
    to.put("ciphertext", from.get("ciphertext").asText());
    to.put("keyId", from.get("keyId").asText());
  }

  @Test
  @DisplayName("another master key cannot open the file, and the message names both key ids")
  void wrongMasterKey() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    MasterKey other = MasterKey.generate();

    assertThatThrownBy(
            () -> EncryptedFileSecretStore.open(file(), other).find("stripe", Environment.LIVE))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("is wrapped by master key " + masterKey.id())
        .hasMessageContaining("the master key in use (generated) is " + other.id())
        .hasMessageNotContaining(masterKey.revealBase64());
    assertThatThrownBy(
            () ->
                EncryptedFileSecretStore.open(file(), other)
                    .put("x", Environment.DEV, Secret.of("v")))
        .hasMessageContaining("give the master key this file was written with");
  }

  @Test
  @DisplayName("a wrapped data key with a flipped bit fails as an altered file")
  void tamperedDataKey() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    SecretsFiles.edit(
        file(),
        root -> SecretsFiles.flip((ObjectNode) root.get("dataKeys").get(0), "wrappedKey", 5));

    assertThatThrownBy(() -> store().find("stripe", Environment.LIVE))
        .hasMessageContaining(
            "does not decrypt with master key " + masterKey.id() + ": the file was altered");
  }

  @Test
  @DisplayName("a value naming a data key the file does not hold fails as a damaged file")
  void missingDataKey() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    SecretsFiles.edit(
        file(),
        root -> SecretsFiles.record(root, "stripe", "live").put("keyId", "dk-0000000000000000"));

    assertThatThrownBy(() -> store().find("stripe", Environment.LIVE))
        .hasMessageContaining("names data key dk-0000000000000000, which the file does not hold");
  }

  @Test
  @DisplayName(
      "rotating the master key keeps every value readable, and new writes use a new key id")
  void rotation() {
    EncryptedFileSecretStore store = store();
    store.put("before", Environment.LIVE, Secret.of("written-before"));
    store.put("before", Environment.DEV, Secret.of("written-before-dev"));
    String oldKeyId =
        SecretsFiles.record(SecretsFiles.read(file()), "before", "live").get("keyId").asText();
    MasterKey newKey = MasterKey.generate();

    EncryptedFileSecretStore rotated = store.rotateMasterKey(newKey);
    rotated.put("after", Environment.LIVE, Secret.of("written-after"));

    EncryptedFileSecretStore reopened = EncryptedFileSecretStore.open(file(), newKey);
    assertThat(reveal(reopened.find("before", Environment.LIVE))).isEqualTo("written-before");
    assertThat(reveal(reopened.find("before", Environment.DEV))).isEqualTo("written-before-dev");
    assertThat(reveal(reopened.find("after", Environment.LIVE))).isEqualTo("written-after");
    ObjectNode root = SecretsFiles.read(file());
    String newKeyId = SecretsFiles.record(root, "after", "live").get("keyId").asText();
    assertThat(newKeyId).isNotEqualTo(oldKeyId).isEqualTo(root.get("activeDataKey").asText());
    assertThat(SecretsFiles.record(root, "before", "live").get("keyId").asText())
        .isEqualTo(oldKeyId);
    assertThat((ArrayNode) root.get("dataKeys"))
        .allSatisfy(key -> assertThat(key.get("masterKeyId").asText()).isEqualTo(newKey.id()));
    assertThat(rotated.masterKey()).isSameAs(newKey);
  }

  @Test
  @DisplayName("after rotation the old master key opens nothing")
  void oldKeyRetired() {
    store().put("stripe", Environment.LIVE, Secret.of("sk_live_abc123"));
    store().rotateMasterKey(MasterKey.generate());

    assertThatThrownBy(() -> store().find("stripe", Environment.LIVE))
        .hasMessageContaining("is wrapped by master key");
  }

  @Test
  @DisplayName("rotation drops data keys no value uses, and refuses the key already in use")
  void rotationHousekeeping() {
    EncryptedFileSecretStore store = store();
    store.put("a", Environment.DEV, Secret.of("value-aaaa"));
    store = store.rotateMasterKey(MasterKey.generate()); // data keys: new active + the one "a" uses
    store.put("a", Environment.DEV, Secret.of("value-bbbb")); // "a" moves to the active key
    MasterKey third = MasterKey.generate();
    store = store.rotateMasterKey(third);

    assertThat(SecretsFiles.read(file()).get("dataKeys"))
        .hasSize(2); // new active + the one "a" uses
    EncryptedFileSecretStore current = store;
    assertThatThrownBy(() -> current.rotateMasterKey(third))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already in use");
  }

  @Test
  @DisplayName(
      "a crash between writing the temporary file and the rename leaves the old file readable")
  void crashBeforeRename() throws IOException {
    store().put("stripe", Environment.LIVE, Secret.of("old-value-1"));
    byte[] before = Files.readAllBytes(file());
    AtomicInteger tempFilesSeen = new AtomicInteger();
    EncryptedFileSecretStore crashing =
        store()
            .withBeforeRename(
                temp -> {
                  assertThat(temp.getParent()).isEqualTo(file().getParent());
                  assertThat(Files.readString(temp)).contains("keyway-secrets");
                  tempFilesSeen.incrementAndGet();
                  throw new IOException("simulated crash");
                });

    assertThatThrownBy(() -> crashing.put("stripe", Environment.LIVE, Secret.of("new-value-2")))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining(
            "cannot be written (IOException); the previous contents are unchanged");

    assertThat(tempFilesSeen).hasValue(1);
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
    EncryptedFileSecretStore restarted = EncryptedFileSecretStore.open(file(), masterKey);
    assertThat(reveal(restarted.find("stripe", Environment.LIVE))).isEqualTo("old-value-1");
    try (var files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder(
              EncryptedFileSecretStore.DEFAULT_FILE_NAME, "keyway.secrets.json.lock");
    }
  }

  @Test
  @DisplayName("a crash during rotation leaves the file sealed under the old master key")
  void crashDuringRotation() {
    store().put("stripe", Environment.LIVE, Secret.of("old-value-1"));
    EncryptedFileSecretStore crashing =
        store()
            .withBeforeRename(
                temp -> {
                  throw new IOException("simulated crash");
                });

    assertThatThrownBy(() -> crashing.rotateMasterKey(MasterKey.generate()))
        .isInstanceOf(SecretStoreException.class);
    assertThat(reveal(store().find("stripe", Environment.LIVE))).isEqualTo("old-value-1");
  }

  @Test
  @DisplayName("without a file: nothing is found or listed, and no master key is needed")
  void noFile() {
    EncryptedFileSecretStore store =
        EncryptedFileSecretStore.open(
            file(),
            () -> {
              throw new SecretStoreException("no master key here");
            });

    assertThat(store.find("anything", Environment.LIVE)).isEmpty();
    assertThat(store.list()).isEmpty();
    assertThat(store.delete("anything", Environment.LIVE)).isFalse();
    assertThatThrownBy(() -> store.put("a", Environment.DEV, Secret.of("v")))
        .hasMessage("no master key here");
    assertThat(Files.exists(file())).isFalse();
  }

  @Test
  @DisplayName("refuses a name outside the rule without quoting it")
  void badNames() {
    for (String name :
        List.of("", "-dash-first", "has space", "a/b", "x".repeat(129), "sk_live_\n")) {
      assertThatThrownBy(() -> store().put(name, Environment.DEV, Secret.of("v")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a valid secret name");
    }
    assertThat(SecretStore.isValidName("stripe.live")).isTrue();
    assertThat(SecretStore.isValidName("bank_client-2")).isTrue();
    assertThat(SecretStore.isValidName("x".repeat(128))).isTrue();
    assertThat(SecretStore.isValidName(null)).isFalse();
  }

  @Test
  @DisplayName("reports a file that is not a secrets file without quoting it")
  void damagedFiles() throws IOException {
    Files.writeString(file(), "{ \"format\": \"keyway-secrets\", sk_live_oops");
    assertThatThrownBy(() -> store().list())
        .isInstanceOf(SecretStoreException.class)
        .hasMessageStartingWith(file() + ": not a Keyway secrets file (JSON syntax error at line 1")
        .hasMessageNotContaining("sk_live_oops");

    Files.writeString(file(), "{\"format\":\"something-else\"}");
    assertThatThrownBy(() -> store().list()).hasMessageContaining("not a Keyway secrets file");

    Files.writeString(file(), "{\"format\":\"keyway-secrets\",\"version\":2}");
    assertThatThrownBy(() -> store().list())
        .hasMessageContaining("format version 2 is not supported; this Keyway reads version 1");

    Files.writeString(
        file(),
        "{\"format\":\"keyway-secrets\",\"version\":1,\"secrets\":[{\"name\":\"a\",\"environment\":\"live\"}]}");
    assertThatThrownBy(() -> store().list())
        .hasMessage(file() + ": secrets[0].keyId is missing; the file is damaged");

    Files.writeString(
        file(),
        "{\"format\":\"keyway-secrets\",\"version\":1,\"secrets\":[{\"name\":\"a\",\"environment\":\"prod\","
            + "\"keyId\":\"k\",\"changed\":\"2026-01-01T00:00:00Z\",\"nonce\":\"AA==\",\"ciphertext\":\"AA==\"}]}");
    assertThatThrownBy(() -> store().list())
        .hasMessageContaining("secrets[0].environment is neither dev nor live");

    Files.writeString(
        file(),
        "{\"format\":\"keyway-secrets\",\"version\":1,\"secrets\":[{\"name\":\"a\",\"environment\":\"dev\","
            + "\"keyId\":\"k\",\"changed\":\"yesterday\",\"nonce\":\"AA==\",\"ciphertext\":\"AA==\"}]}");
    assertThatThrownBy(() -> store().list())
        .hasMessageContaining("secrets[0].changed is not an ISO-8601 instant");

    Files.writeString(file(), "{\"format\":\"keyway-secrets\",\"version\":1,\"dataKeys\":{}}");
    assertThatThrownBy(() -> store().list()).hasMessageContaining("dataKeys is not a list");

    Files.writeString(
        file(),
        "{\"format\":\"keyway-secrets\",\"version\":1,\"secrets\":[{\"name\":\"a\",\"environment\":\"dev\","
            + "\"keyId\":\"k\",\"changed\":\"2026-01-01T00:00:00Z\",\"nonce\":\"*\",\"ciphertext\":\"AA==\"}]}");
    assertThatThrownBy(() -> store().list()).hasMessageContaining("secrets[0].nonce is not base64");
  }

  @Test
  @DisplayName("the file it writes is stable JSON that lists values by name, then environment")
  void stableOrder() throws IOException {
    store().put("zeta", Environment.LIVE, Secret.of("value-zzzz"));
    store().put("alpha", Environment.LIVE, Secret.of("value-aaaa"));
    store().put("alpha", Environment.DEV, Secret.of("value-aaaa-dev"));

    String text = Files.readString(file(), StandardCharsets.UTF_8);
    assertThat(text.indexOf("\"alpha\"")).isLessThan(text.indexOf("\"zeta\""));
    assertThat(store().list())
        .extracting(meta -> meta.name() + "/" + meta.environment().configName())
        .containsExactly("alpha/dev", "alpha/live", "zeta/live");
    assertThat(text).endsWith("}\n");
  }
}
