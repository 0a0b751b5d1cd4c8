package dev.keyway.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("MasterKey")
class MasterKeyTest {

  @TempDir Path dir;

  private boolean posix() throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView("posix");
  }

  @Test
  @DisplayName("init creates a 0600 key file and returns the key it holds")
  void createFile() throws IOException {
    Path file = dir.resolve(MasterKey.DEFAULT_FILE_NAME);

    MasterKey created = MasterKey.createFile(file);

    assertThat(MasterKey.readFile(file).id()).isEqualTo(created.id());
    assertThat(created.source()).isEqualTo("key file " + file.toAbsolutePath());
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    if (posix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  @DisplayName("init never overwrites an existing key file")
  void createFileRefusesExisting() throws IOException {
    Path file = dir.resolve(MasterKey.DEFAULT_FILE_NAME);
    MasterKey first = MasterKey.createFile(file);

    assertThatThrownBy(() -> MasterKey.createFile(file))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("already exists; it is not replaced");
    assertThat(MasterKey.readFile(file).id()).isEqualTo(first.id());
  }

  @Test
  @DisplayName("derives a stable id from the key, and never shows the key in toString")
  void idAndToString() {
    MasterKey key = MasterKey.generate();
    MasterKey same = MasterKey.fromBase64(key.revealBase64(), "test");

    assertThat(same.id()).isEqualTo(key.id()).matches("mk-[0-9a-f]{16}");
    assertThat(MasterKey.generate().id()).isNotEqualTo(key.id());
    assertThat(key.toString())
        .isEqualTo("MasterKey[" + key.id() + " from generated]")
        .doesNotContain(key.revealBase64());
  }

  @Test
  @DisplayName("accepts standard and URL-safe base64 with surrounding white space")
  void base64Forms() {
    byte[] raw = new byte[32];
    raw[0] = (byte) 0xfb; // makes '+' or '-' appear
    raw[1] = (byte) 0xff;
    String standard = Base64.getEncoder().encodeToString(raw);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

    assertThat(MasterKey.fromBase64(" " + standard + "\n", "a").id())
        .isEqualTo(MasterKey.fromBase64(urlSafe, "b").id());
  }

  @Test
  @DisplayName("refuses text that is not base64 of 32 bytes, naming the source and not the text")
  void badKeys() {
    assertThatThrownBy(() -> MasterKey.fromBase64("not base64 at all!", "KEYWAY_MASTER_KEY"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageStartingWith("KEYWAY_MASTER_KEY: the master key is not base64")
        .hasMessageNotContaining("not base64 at all!");
    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> MasterKey.fromBase64(sixteen, "KEYWAY_MASTER_KEY"))
        .hasMessageContaining("the master key is 16 bytes; it must be 32 (256 bits)")
        .hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  @DisplayName(
      "is found in KEYWAY_MASTER_KEY first, then KEYWAY_MASTER_KEY_FILE, then the default file")
  void locatePrecedence() {
    MasterKey inline = MasterKey.generate();
    Path named = dir.resolve("named.key");
    Path fallback = dir.resolve(MasterKey.DEFAULT_FILE_NAME);
    MasterKey fromNamed = MasterKey.createFile(named);
    MasterKey fromDefault = MasterKey.createFile(fallback);

    Map<String, String> both =
        Map.of(
            MasterKey.ENVIRONMENT_VARIABLE, inline.revealBase64(),
            MasterKey.FILE_VARIABLE, named.toString());
    assertThat(MasterKey.locate(both::get, fallback).id()).isEqualTo(inline.id());
    assertThat(MasterKey.locate(both::get, fallback).source()).isEqualTo("KEYWAY_MASTER_KEY");
    Map<String, String> fileOnly = Map.of(MasterKey.FILE_VARIABLE, named.toString());
    assertThat(MasterKey.locate(fileOnly::get, fallback).id()).isEqualTo(fromNamed.id());
    Map<String, String> none = Map.of(MasterKey.ENVIRONMENT_VARIABLE, " ");
    assertThat(MasterKey.locate(none::get, fallback).id()).isEqualTo(fromDefault.id());
  }

  @Test
  @DisplayName("without any key, says every way to provide one")
  void locateNothing() {
    Path fallback = dir.resolve(MasterKey.DEFAULT_FILE_NAME);

    assertThatThrownBy(() -> MasterKey.locate(name -> null, fallback))
        .isInstanceOf(SecretStoreException.class)
        .hasMessage(
            "no master key: set KEYWAY_MASTER_KEY (base64 of 32 bytes), or KEYWAY_MASTER_KEY_FILE"
                + " to a key file, or create "
                + fallback.toAbsolutePath()
                + " with keyway secrets init");
  }

  @Test
  @DisplayName("a named key file that does not exist is an error, not a fall-through")
  void missingNamedFile() {
    Map<String, String> env = Map.of(MasterKey.FILE_VARIABLE, dir.resolve("gone.key").toString());

    assertThatThrownBy(() -> MasterKey.locate(env::get, dir.resolve("other")))
        .hasMessageContaining("gone.key: file not found");
  }

  @Test
  @DisplayName("warns when other users may read the key file")
  void warnsOnSharedFile() throws IOException {
    if (!posix()) {
      return;
    }
    Path file = dir.resolve("shared.key");
    MasterKey.createFile(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      MasterKey.readFile(file);
    } finally {
      System.setErr(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("WARN")
        .contains(
            file.toAbsolutePath()
                + ": other users may read the master key; restrict it with chmod 600");
  }

  @Test
  @DisplayName("writeFile replaces a key file atomically with owner-only permissions")
  void writeFile() throws IOException {
    Path file = dir.resolve("rotated.key");
    MasterKey.createFile(file);
    MasterKey next = MasterKey.generate();

    next.writeFile(file);

    assertThat(MasterKey.readFile(file).id()).isEqualTo(next.id());
    if (posix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }
}
