package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.secrets.MasterKey;
import dev.keyway.testkit.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands keep tokens in the configured store, H2 beside the configuration by default. */
@DisplayName("The command line's token store")
class TokenStoreWiringTest {

  @TempDir Path dir;
  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Path config(String store) throws Exception {
    Path file = dir.resolve("keyway.yaml");
    Files.writeString(
        file,
        store
            + """
            collections:
              bank:
                baseUrl: %1$s
                auth:
                  type: oauth2-client-credentials
                  tokenEndpoint: %1$s/oauth/token
                  clientId: %2$s
                  clientSecret: "${secret:bank.client}"
                calls:
                  accounts: { path: /oauth/api/accounts }
            """
                .formatted(sandbox.baseUrl(), sandbox.oauth().clientId()));
    return file;
  }

  private Map<String, String> secrets() {
    return Map.of("KEYWAY_SECRET_BANK_CLIENT", sandbox.oauth().clientSecret());
  }

  @Test
  @DisplayName(
      "with a master key, a call keeps its token in keyway-tokens beside the configuration")
  void defaultH2() throws Exception {
    Path file = config("");
    MasterKey.createFile(dir.resolve(MasterKey.DEFAULT_FILE_NAME));
    TestTerminal terminal = new TestTerminal("", secrets());

    assertThat(terminal.run("call", "-c", file.toString(), "bank", "accounts")).isZero();
    assertThat(dir.resolve("keyway-tokens.mv.db")).exists();
    assertThat(Files.readAllBytes(dir.resolve("keyway-tokens.mv.db")))
        .asString(java.nio.charset.StandardCharsets.ISO_8859_1)
        .doesNotContain(sandbox.oauth().issuedAccessTokens().get(0));

    TestTerminal again = new TestTerminal("", secrets());
    assertThat(again.run("call", "-c", file.toString(), "bank", "accounts")).isZero();
    assertThat(sandbox.oauth().tokenRequests())
        .as("the second process reused the token")
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a bad store section is a configuration error naming its path")
  void badStore() throws Exception {
    Path file = config("store: { type: mongodb }\n");
    MasterKey.createFile(dir.resolve(MasterKey.DEFAULT_FILE_NAME));
    TestTerminal terminal = new TestTerminal("", secrets());

    assertThat(terminal.run("call", "-c", file.toString(), "bank", "accounts")).isNotZero();
    assertThat(terminal.err()).contains("store.type: expected h2 or postgresql");
  }

  @Test
  @DisplayName("without a master key, tokens stay in memory and the call still works")
  void noMasterKey() throws Exception {
    Path file = config("");
    TestTerminal terminal = new TestTerminal("", secrets());

    assertThat(terminal.run("call", "-c", file.toString(), "bank", "accounts")).isZero();
    assertThat(dir.resolve("keyway-tokens.mv.db")).doesNotExist();
  }
}
