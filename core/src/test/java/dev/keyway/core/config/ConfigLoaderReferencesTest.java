package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.failure;
import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ConfigLoader replaces ${secret:}, ${env:} and ${file:} references")
class ConfigLoaderReferencesTest {

  private static final String SECRET = "sk_live_CANARY_4f9a1c";

  @TempDir Path dir;

  private ConfigLoader loader() {
    return ConfigLoader.create()
        .withSecrets(SecretSource.of(Map.of("stripe.live", SECRET, "user", "alice")))
        .withEnvironmentVariables(Map.of("REGION", "eu", "EMPTY", "")::get)
        .withBaseDirectory(dir);
  }

  /** Returns a configuration whose auth block has one more setting {@code key: value}. */
  private static String withKey(String value) {
    return """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, key: '%s' }
            calls: {}
        """
        .formatted(value);
  }

  private String key(String value) {
    return (String)
        loader().parse(withKey(value)).collections().get("stripe").auth().settings().get("key");
  }

  @Test
  @DisplayName("replaces a secret reference with the secret's value")
  void secret() {
    assertThat(key("${secret:stripe.live}")).isEqualTo(SECRET);
  }

  @Test
  @DisplayName("replaces an environment variable reference, an empty value included")
  void environmentVariable() {
    assertThat(key("${env:REGION}")).isEqualTo("eu");
    assertThat(key("x${env:EMPTY}y")).isEqualTo("xy");
  }

  @Test
  @DisplayName("replaces a file reference with its contents, one trailing newline removed")
  void file() throws IOException {
    Files.writeString(dir.resolve("key.pem"), "line one\nline two\n\n");
    Files.writeString(dir.resolve("crlf.txt"), "token\r\n");
    assertThat(key("${file:key.pem}")).isEqualTo("line one\nline two\n");
    assertThat(key("${file:crlf.txt}")).isEqualTo("token");
  }

  @Test
  @DisplayName("reads a file reference as UTF-8, from a sub-directory of the base directory")
  void fileInSubdirectory() throws IOException {
    Files.createDirectories(dir.resolve("certs"));
    Files.writeString(dir.resolve("certs/ca.pem"), "clé", StandardCharsets.UTF_8);
    assertThat(key("${file:certs/ca.pem}")).isEqualTo("clé");
  }

  @Test
  @DisplayName("reads a file reference with an absolute path")
  void absoluteFile() throws IOException {
    Path file = Files.writeString(dir.resolve("abs.txt"), "absolute");
    assertThat(key("${file:" + file.toAbsolutePath() + "}")).isEqualTo("absolute");
  }

  @Test
  @DisplayName("mixes literal text and several references in one string")
  void mixed() {
    assertThat(key("Bearer ${secret:stripe.live} for ${secret:user} in ${env:REGION}!"))
        .isEqualTo("Bearer " + SECRET + " for alice in eu!");
  }

  @Test
  @DisplayName("reads $${ as a literal ${")
  void escape() {
    assertThat(key("cost: $${env:REGION} and $$ and $x"))
        .isEqualTo("cost: ${env:REGION} and $$ and $x");
  }

  @Test
  @DisplayName("does not scan a replaced value again")
  void replacedValueNotRescanned() {
    ConfigLoader loader =
        loader().withEnvironmentVariables(Map.of("TRICKY", "${secret:stripe.live}")::get);
    String value =
        (String)
            loader
                .parse(withKey("${env:TRICKY}"))
                .collections()
                .get("stripe")
                .auth()
                .settings()
                .get("key");
    assertThat(value).isEqualTo("${secret:stripe.live}");
  }

  @Test
  @DisplayName("replaces references in typed fields too: base URL, headers, params, body")
  void typedFields() {
    String yaml =
        """
        collections:
          api:
            baseUrl: "https://${env:REGION}.api.example"
            auth: { type: none }
            headers: { X-Region: "${env:REGION}" }
            calls:
              one:
                path: /v1
                body: { type: json, template: '{"user": "${secret:user}"}' }
                params: { token: { in: header, private: true, value: "${secret:stripe.live}" } }
        """;
    CollectionConfig api = loader().parse(yaml).collections().get("api");
    assertThat(api.baseUrl()).hasToString("https://eu.api.example");
    assertThat(api.headers()).containsEntry("X-Region", "eu");
    CallConfig one = api.calls().get("one");
    assertThat(one.body().template()).contains("{\"user\": \"alice\"}");
    assertThat(one.params().get("token").value()).contains(SECRET);
  }

  @Test
  @DisplayName("reports a missing secret with the path and the reference")
  void missingSecret() {
    assertThat(problems(() -> loader().parse(withKey("Bearer ${secret:nope}"))))
        .containsExactly(
            "collections.stripe.auth.key: ${secret:nope}: no secret named nope in environment dev;"
                + " add it to the secret store");
  }

  @Test
  @DisplayName("names the active environment when a secret is missing in live")
  void missingLiveSecret() {
    assertThat(
            problems(
                () -> loader().withEnvironment(Environment.LIVE).parse(withKey("${secret:nope}"))))
        .singleElement()
        .asString()
        .contains("no secret named nope in environment live");
  }

  @Test
  @DisplayName("reports a missing environment variable")
  void missingEnvironmentVariable() {
    assertThat(problems(() -> loader().parse(withKey("${env:NOT_SET}"))))
        .containsExactly(
            "collections.stripe.auth.key: ${env:NOT_SET}: environment variable NOT_SET is not set");
  }

  @Test
  @DisplayName("reports a missing file with its resolved path")
  void missingFile() {
    assertThat(problems(() -> loader().parse(withKey("${file:certs/none.pem}"))))
        .containsExactly(
            "collections.stripe.auth.key: ${file:certs/none.pem}: file not found: "
                + dir.resolve("certs/none.pem").toAbsolutePath());
  }

  @Test
  @DisplayName("reports a file that is not UTF-8 text")
  void fileNotUtf8() throws IOException {
    Files.write(dir.resolve("bin.der"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    assertThat(problems(() -> loader().parse(withKey("${file:bin.der}"))))
        .singleElement()
        .asString()
        .endsWith("bin.der is not UTF-8 text");
  }

  @Test
  @DisplayName("reports a file reference to a directory")
  void fileIsDirectory() {
    assertThat(problems(() -> loader().parse(withKey("${file:.}"))))
        .singleElement()
        .asString()
        .startsWith("collections.stripe.auth.key: ${file:.}: cannot read ");
  }

  @Test
  @DisplayName("reports an unknown reference kind without quoting the text around it")
  void unknownKind() {
    assertThat(problems(() -> loader().parse(withKey("pa${word}ss"))))
        .containsExactly(
            "collections.stripe.auth.key: unknown reference at character 3; expected"
                + " ${secret:name}, ${env:NAME} or ${file:path}; write $${ for a literal ${");
    assertThat(problems(() -> loader().parse(withKey("${vault:stripe}"))).get(0))
        .contains("unknown reference at character 1")
        .doesNotContain("vault");
  }

  @Test
  @DisplayName("reports an unterminated reference without quoting the text")
  void unterminated() {
    assertThat(problems(() -> loader().parse(withKey("abc${secret:stripe.live"))))
        .containsExactly(
            "collections.stripe.auth.key: a ${ at character 4 has no closing }; expected"
                + " ${secret:name}, ${env:NAME} or ${file:path}; write $${ for a literal ${");
  }

  @Test
  @DisplayName("reports a reference that names nothing")
  void emptyName() {
    assertThat(problems(() -> loader().parse(withKey("${secret:}"))).get(0))
        .startsWith("collections.stripe.auth.key: ${secret:} names nothing");
  }

  @Test
  @DisplayName("reports every bad reference of one string")
  void severalBadReferences() {
    assertThat(
            problems(() -> loader().parse(withKey("${secret:a}-${env:B}-${secret:stripe.live}"))))
        .containsExactly(
            "collections.stripe.auth.key: ${secret:a}: no secret named a in environment dev; add"
                + " it to the secret store",
            "collections.stripe.auth.key: ${env:B}: environment variable B is not set");
  }

  @Test
  @DisplayName("resolves relative file references against the config file's directory on load")
  void loadResolvesBesideFile() throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(configDir.resolve("certs"));
    Files.writeString(configDir.resolve("certs/client.pem"), "PEM\n");
    Path file =
        Files.writeString(
            configDir.resolve("keyway.yaml"),
            """
            collections:
              bank:
                baseUrl: https://mtls.bank.example
                auth: { type: mtls, certificate: "${file:certs/client.pem}" }
                calls: {}
            """);
    // The loader's own base directory is ignored by load(Path).
    KeywayConfig config = ConfigLoader.create().withBaseDirectory(dir).load(file);
    assertThat(config.collections().get("bank").auth().settings())
        .containsEntry("certificate", "PEM");
  }

  @Test
  @DisplayName("never puts a resolved secret into any problem message")
  void secretNeverInMessages() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: "https://api.stripe.com/${secret:stripe.live}?q=1"
            auth: { type: header-key, key: "${secret:stripe.live}${env:MISSING}" }
            headers: { X-Key: "${secret:stripe.live}\\n" }
            calls:
              one:
                method: "${secret:stripe.live} GET"
                path: "${secret:stripe.live}"
                body: { type: raw, template: x, contentType: "${secret:stripe.live}\\r" }
                params:
                  h: { in: header, private: true, value: "a\\n${secret:stripe.live}" }
        """;
    String message = failure(() -> loader().parse(yaml)).getMessage();
    assertThat(message)
        .contains("collections.stripe.baseUrl")
        .contains("collections.stripe.headers.X-Key")
        .contains("collections.stripe.calls.one.method")
        .contains("collections.stripe.calls.one.path")
        .contains("collections.stripe.calls.one.body.contentType")
        .contains("collections.stripe.calls.one.params.h.value")
        .doesNotContain(SECRET)
        .doesNotContain("CANARY");
  }
}
