package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.server.internal.auth.CallerKeys;
import dev.keyway.testkit.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The keyway command line")
class KeywayCliTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start();
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  private Path config(String callers) throws IOException {
    Path file = dir.resolve("keyway.yaml");
    Files.writeString(
        file,
        callers
            + """
            collections:
              weather:
                baseUrl: %s
                auth: { type: header-key, keyName: X-Api-Key, key: "${secret:weather.key}" }
                calls:
                  current: { path: /header-key/now }
                  echo: { path: "/echo/[city]", params: { city: { in: path } } }
                  broken: { path: /status/503 }
            """
                .formatted(sandbox.baseUrl()));
    return file;
  }

  private Map<String, String> secrets() {
    return Map.of("KEYWAY_SECRET_WEATHER_KEY", sandbox.headerKey());
  }

  private static HttpResponse<String> post(URI uri, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("--version prints the version; --help lists every command")
  void versionAndHelp() {
    TestTerminal version = new TestTerminal();
    TestTerminal help = new TestTerminal();

    assertThat(version.run("--version")).isZero();
    assertThat(version.out()).startsWith("keyway 0.1.0");
    assertThat(help.run("--help")).isZero();
    assertThat(help.out()).contains("serve", "call", "demo", "hash-key", "secrets", "doctor");
    for (String command : new String[] {"serve", "call", "demo", "hash-key", "secrets", "doctor"}) {
      TestTerminal commandHelp = new TestTerminal();
      assertThat(commandHelp.run(command, "--help")).isZero();
      assertThat(commandHelp.out()).startsWith("Usage: keyway " + command);
    }
  }

  @Test
  @DisplayName("hash-key hashes a key from standard input, or makes a new one")
  void hashKey() {
    TestTerminal fromStdin = new TestTerminal("test\n", Map.of());
    TestTerminal fresh = new TestTerminal();
    TestTerminal empty = new TestTerminal();

    assertThat(fromStdin.run("hash-key")).isZero();
    assertThat(fromStdin.out().strip())
        .isEqualTo("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assertThat(fresh.run("hash-key", "--new")).isZero();
    Matcher key = Pattern.compile("key:  (kw_\\S+)").matcher(fresh.out());
    assertThat(key.find()).isTrue();
    assertThat(fresh.out()).contains("hash: " + CallerKeys.hash(key.group(1)));
    assertThat(empty.run("hash-key")).isEqualTo(2);
    assertThat(empty.err()).startsWith("keyway: give the key on standard input");
  }

  @Test
  @DisplayName(
      "call prints the status and the pretty-printed body; its exit code follows the status")
  void call() throws IOException {
    Path file = config("");
    TestTerminal ok = new TestTerminal("", secrets());
    TestTerminal failed = new TestTerminal("", secrets());

    assertThat(ok.run("call", "--config", file.toString(), "weather", "current")).isZero();
    assertThat(ok.out())
        .isEqualTo("HTTP 200\n{\n  \"ok\" : true,\n  \"realm\" : \"header-key\"\n}\n");
    assertThat(ok.out() + ok.err()).doesNotContain(sandbox.headerKey());
    assertThat(failed.run("call", "-c", file.toString(), "weather", "broken")).isEqualTo(1);
    assertThat(failed.out()).startsWith("HTTP 503\n");
  }

  @Test
  @DisplayName("call passes -p parameters, and reports a refused one in one line each")
  void callParameters() throws IOException {
    Path file = config("");
    TestTerminal ok = new TestTerminal("", secrets());
    TestTerminal refused = new TestTerminal("", secrets());

    assertThat(ok.run("call", "-c", file.toString(), "weather", "echo", "-p", "city=Oslo"))
        .isZero();
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/echo/Oslo");
    assertThat(refused.run("call", "-c", file.toString(), "weather", "echo", "-p", "town=x"))
        .isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo(
            "keyway: the call was refused, nothing was sent (config: "
                + file
                + "):\n  params.town: not a parameter of weather.echo\n  params.city: required\n");
  }

  @Test
  @DisplayName("a bad configuration is reported in one line with its path, without a stack trace")
  void badConfig() throws IOException {
    Path file = config("");
    Path missing = dir.resolve("missing.yaml");
    TestTerminal noSecret = new TestTerminal();
    TestTerminal noFile = new TestTerminal();
    TestTerminal badEnv = new TestTerminal("", secrets());

    assertThat(noSecret.run("call", "-c", file.toString(), "weather", "current")).isEqualTo(2);
    assertThat(noSecret.err())
        .isEqualTo(
            "keyway: invalid configuration (config: "
                + file
                + "): collections.weather.auth.key: ${secret:weather.key}: no secret named"
                + " weather.key in environment dev; add it to the secret store\n");
    assertThat(noFile.run("serve", "-c", missing.toString())).isEqualTo(2);
    assertThat(noFile.err()).contains("cannot read the configuration file").doesNotContain("\tat ");
    assertThat(badEnv.run("call", "-c", file.toString(), "--env", "prod", "weather", "current"))
        .isEqualTo(2);
    assertThat(badEnv.err()).startsWith("keyway: --env: expected dev or live");
  }

  @Test
  @DisplayName("--verbose adds the stack trace")
  void verbose() throws IOException {
    Path file = config("");
    TestTerminal terminal = new TestTerminal();

    assertThat(terminal.run("call", "--verbose", "-c", file.toString(), "weather", "current"))
        .isEqualTo(2);
    assertThat(terminal.err()).contains("\tat ");
  }

  @Test
  @DisplayName("serve runs the gateway until the stop signal, and calls go through it")
  void serve() throws Exception {
    String key = CallerKeys.newKey();
    Path file =
        config(
            """
            callers:
              backend: { key: "%s", allow: ["weather.*"] }
            """
                .formatted(CallerKeys.hash(key)));
    TestTerminal terminal = new TestTerminal("", secrets());
    CompletableFuture<Integer> serving =
        CompletableFuture.supplyAsync(
            () ->
                terminal.run(
                    "serve",
                    "-c",
                    file.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "0",
                    "--admin-port",
                    "0"));

    terminal.awaitOut("Stop with Ctrl-C.");
    Matcher url = Pattern.compile("POST (http://\\S+)/v1/calls").matcher(terminal.out());
    assertThat(url.find()).isTrue();
    HttpResponse<String> response =
        post(URI.create(url.group(1) + "/v1/calls/weather/current"), key);
    terminal.stop();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(serving.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(terminal.out()).contains("serving 1 collections to 1 callers, environment dev");
  }

  @Test
  @DisplayName("serve on a port in use says so in one line, naming the setting")
  void portInUse() throws Exception {
    Path file = config("");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TestTerminal terminal = new TestTerminal("", secrets());

      int code =
          terminal.run(
              "serve",
              "-c",
              file.toString(),
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--admin-port",
              "0");

      assertThat(code).isEqualTo(1);
      assertThat(terminal.err())
          .startsWith(
              "keyway: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (server.port)")
          .endsWith("(config: " + file + ")\n");
    }
  }

  @Test
  @DisplayName("demo starts, prints a key and curl lines, serves a call with that key, and stops")
  void demo() throws Exception {
    TestTerminal terminal = new TestTerminal();
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () -> terminal.run("demo", "--port", "0", "--admin-port", "0"));

    terminal.awaitOut("Stop with Ctrl-C.");
    String out = terminal.out();
    Matcher key = Pattern.compile("export KEY=(kw_\\S+)").matcher(out);
    Matcher gateway = Pattern.compile("gateway   (http://\\S+)/v1/calls").matcher(out);
    assertThat(key.find()).isTrue();
    assertThat(gateway.find()).isTrue();
    assertThat(out)
        .contains("curl -s -X POST ", "/headerKey/things", "/basic/me", "/oauth2/things");
    HttpResponse<String> response =
        post(URI.create(gateway.group(1) + "/v1/calls/headerKey/things"), key.group(1));
    HttpResponse<String> oauth2 =
        post(URI.create(gateway.group(1) + "/v1/calls/oauth2/things"), key.group(1));
    terminal.stop();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true,\"realm\":\"header-key\"}");
    assertThat(oauth2.statusCode()).isEqualTo(200);
    assertThat(oauth2.body()).contains("\"realm\":\"oauth\"");
    assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
  }
}
