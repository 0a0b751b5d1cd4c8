package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.testkit.OAuthServer;
import dev.keyway.testkit.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyway connect}, with the test as the browser and the sandbox as the provider. */
class ConnectCommandTest {

  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path dir;
  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Path config() throws Exception {
    OAuthServer oauth = sandbox.oauth();
    Path file = dir.resolve("keyway.yaml");
    Files.writeString(
        file,
        """
        collections:
          calendar:
            baseUrl: %1$s
            auth:
              type: oauth2-authorization-code
              clientId: %2$s
              clientSecret: "${secret:client}"
              loginDialogUrl: %1$s/oauth/authorize
              tokenEndpoint: %1$s/oauth/token
              userProfileEndpoint: %1$s/oauth/userinfo
            calls:
              me: { path: /oauth/api/me }
          weather:
            baseUrl: %1$s
            auth: { type: none }
            calls:
              now: { path: /echo/now }
        """
            .formatted(sandbox.baseUrl(), oauth.clientId()));
    return file;
  }

  private Map<String, String> secrets() {
    return Map.of("KEYWAY_SECRET_CLIENT", sandbox.oauth().clientSecret());
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return BROWSER.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName(
      "prints the login URL, takes the provider's callback on loopback, and says who connected")
  void connects() throws Exception {
    Path file = config();
    TestTerminal terminal = new TestTerminal("", secrets());
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                terminal.run(
                    "connect",
                    "--config",
                    file.toString(),
                    "calendar",
                    "--user",
                    "u-42",
                    "--timeout",
                    "30s"));

    terminal.awaitOut("Waiting");
    Matcher url =
        Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/oauth/authorize\\S+)")
            .matcher(terminal.out());
    assertThat(url.find()).isTrue();
    HttpResponse<String> login = get(URI.create(url.group(1) + "&sandbox_user=bob"));
    assertThat(login.statusCode()).isEqualTo(302);
    URI callback = URI.create(login.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getHost()).isEqualTo("127.0.0.1");
    assertThat(callback.getPath()).isEqualTo("/oauth/callback");

    HttpResponse<String> page = get(callback);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Connected");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");

    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(terminal.out()).contains("Connected u-42 to calendar as bob (bob@example.test).");
    assertThat(terminal.out() + terminal.err()).doesNotContain(sandbox.oauth().clientSecret());
  }

  @Test
  @DisplayName("a declined consent exits with 1; a collection without end users is a usage error")
  void declinedAndWrongCollection() throws Exception {
    Path file = config();
    sandbox.oauth().denyAuthorization(true);
    TestTerminal terminal = new TestTerminal("", secrets());
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                terminal.run(
                    "connect",
                    "-c",
                    file.toString(),
                    "calendar",
                    "--user",
                    "u-1",
                    "--timeout",
                    "30s"));
    terminal.awaitOut("Waiting");
    Matcher url =
        Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/oauth/authorize\\S+)")
            .matcher(terminal.out());
    assertThat(url.find()).isTrue();
    get(URI.create(get(URI.create(url.group(1))).headers().firstValue("Location").orElseThrow()));
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(terminal.err()).contains("access_denied");

    TestTerminal wrong = new TestTerminal("", secrets());
    assertThat(wrong.run("connect", "-c", file.toString(), "weather", "--user", "u-1")).isNotZero();
    assertThat(wrong.err()).contains("does not connect end users");
  }
}
