package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.server.internal.auth.CallerKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("keyway doctor on the command line")
class DoctorCommandTest {

  @TempDir Path dir;
  private Path config;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  @BeforeEach
  void demoConfig() throws IOException {
    config = dir.resolve("keyway.yaml");
    try (InputStream demo =
        getClass().getResourceAsStream("/dev/keyway/server/internal/demo/demo.yaml")) {
      Files.copy(demo, config);
    }
    values.put("sandbox.headerKey", "hk-" + CallerKeys.newKey());
    values.put("sandbox.queryKey", "qk-" + CallerKeys.newKey());
    values.put("sandbox.bodyKey", "bk-" + CallerKeys.newKey());
    values.put("sandbox.basicUser", "demo-user");
    values.put("sandbox.basicPassword", "pw-" + CallerKeys.newKey());
    values.put("sandbox.clientSecret", "cs-" + CallerKeys.newKey());
    values.put("demo.session", "session-" + CallerKeys.newKey());
    values.put("demo.privateToken", "pt-" + CallerKeys.newKey());
    EncryptedFileSecretStore store =
        EncryptedFileSecretStore.open(
            dir.resolve("keyway.secrets.json"),
            MasterKey.createFile(dir.resolve("keyway.master.key")));
    values.forEach((name, value) -> store.put(name, Environment.DEV, Secret.of(value)));
    environment.put("SANDBOX", "http://127.0.0.1:8000");
    environment.put("DEMO_KEY_HASH", CallerKeys.hash(CallerKeys.newKey()));
  }

  private TestTerminal doctor(String... more) {
    TestTerminal terminal = new TestTerminal("", environment);
    String[] args = new String[more.length + 3];
    args[0] = "doctor";
    args[1] = "--config";
    args[2] = config.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    terminal.exitCode = terminal.run(args);
    return terminal;
  }

  @Test
  @DisplayName("the demo config (offline): every collection listed, live gaps as warnings, exit 0")
  void demo() {
    // Offline: the demo's sandbox is not running here (DoctorLiveChecksTest covers live checks).
    TestTerminal terminal = doctor("--offline");
    System.out.println(terminal.out().replace(dir.toString(), "."));

    assertThat(terminal.exitCode).isZero();
    assertThat(terminal.out())
        .contains("environment dev")
        .contains("collections.headerKey (header-key)", "collections.basic (basic)")
        .contains("collections.echo (none)", "collections.oauth2 (oauth2-client-credentials)")
        .contains("callers.browser")
        .contains("${secret:sandbox.headerKey} (store)", "${secret:demo.session} (store)")
        .contains("0 errors");
    assertThat(terminal.out())
        .contains("warning: collections.headerKey.auth.key\n")
        .contains("no secret named sandbox.headerKey in environment");
    assertThat(terminal.out().lines()).allMatch(line -> line.length() <= 100);
    for (String value : values.values()) {
      if (value.length() > 10) {
        assertThat(terminal.out() + terminal.err()).doesNotContain(value);
      }
    }
  }

  @Test
  @DisplayName("--env live with live values missing: an error for each, exit 1")
  void live() {
    TestTerminal terminal = doctor("--env", "live");

    assertThat(terminal.exitCode).isEqualTo(KeywayCli.FAILED);
    assertThat(terminal.out())
        .contains("environment live")
        .contains("error:   collections.headerKey.auth.key\n")
        .contains("error:   collections.basic.auth.password\n")
        .contains("error:   callers.browser.session.secret\n");
  }

  @Test
  @DisplayName("a bad --env is a usage mistake; a broken file an error")
  void badInput() throws IOException {
    assertThat(doctor("--env", "prod").exitCode).isEqualTo(KeywayCli.USAGE);
    Files.writeString(config, "collections: [");
    TestTerminal broken = doctor();
    assertThat(broken.exitCode).isEqualTo(KeywayCli.FAILED);
    assertThat(broken.out()).contains("error:");
  }
}
