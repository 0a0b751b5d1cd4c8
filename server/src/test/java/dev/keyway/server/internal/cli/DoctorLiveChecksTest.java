package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.testkit.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyway doctor}'s live checks: credentials prepared, and only check: true calls run. */
@DisplayName("keyway doctor's live checks")
class DoctorLiveChecksTest {

  @TempDir Path dir;
  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Path config() throws Exception {
    Path file = dir.resolve("keyway.yaml");
    Files.writeString(
        file,
        """
        collections:
          bank:
            baseUrl: %1$s
            auth:
              type: oauth2-client-credentials
              tokenEndpoint: %1$s/oauth/token
              clientId: %2$s
              clientSecret: "${secret:bank.client}"
            calls:
              accounts: { path: /oauth/api/accounts, check: true }
              transfer: { method: POST, path: /oauth/api/transfer }
        """
            .formatted(sandbox.baseUrl(), sandbox.oauth().clientId()));
    return file;
  }

  private TestTerminal doctor(String secret, String... more) throws Exception {
    TestTerminal terminal = new TestTerminal("", Map.of("KEYWAY_SECRET_BANK_CLIENT", secret));
    String[] args = new String[3 + more.length];
    args[0] = "doctor";
    args[1] = "--config";
    args[2] = config().toString();
    System.arraycopy(more, 0, args, 3, more.length);
    terminal.exitCode = terminal.run(args);
    return terminal;
  }

  @Test
  @DisplayName("gets the token, runs the check call, and never runs another call")
  void passes() throws Exception {
    TestTerminal terminal = doctor(sandbox.oauth().clientSecret());

    assertThat(terminal.exitCode).as(terminal.out()).isZero();
    assertThat(terminal.out())
        .contains("ok:      collections.bank.auth\n         credentials ready")
        .contains("ok:      collections.bank.calls.accounts\n         check call answered 200");
    assertThat(sandbox.requests())
        .extracting(request -> request.rawPath())
        .containsExactly("/oauth/token", "/oauth/api/accounts");
    assertThat(terminal.out() + terminal.err()).doesNotContain(sandbox.oauth().clientSecret());
  }

  @Test
  @DisplayName("a refused client secret is an error naming the collection and the code; exit 1")
  void refused() throws Exception {
    TestTerminal terminal = doctor("wrong-secret-value");

    assertThat(terminal.exitCode).isEqualTo(KeywayCli.FAILED);
    assertThat(terminal.out())
        .contains("error:   collections.bank.auth")
        .contains("invalid_client")
        .doesNotContain("wrong-secret-value");
    assertThat(sandbox.requests()).noneMatch(r -> r.rawPath().startsWith("/oauth/api"));
  }

  @Test
  @DisplayName("--offline talks to nobody")
  void offline() throws Exception {
    TestTerminal terminal = doctor(sandbox.oauth().clientSecret(), "--offline");

    assertThat(terminal.exitCode).isZero();
    assertThat(sandbox.requests()).isEmpty();
  }
}
