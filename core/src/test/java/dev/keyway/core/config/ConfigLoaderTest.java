package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.keyway.api.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ConfigLoader loads files and trees, and is immutable")
class ConfigLoaderTest {

  private static final String MINIMAL =
      """
      collections:
        api:
          baseUrl: https://api.example
          auth: { type: header-key, key: "${secret:key}" }
          calls: {}
      """;

  @TempDir Path dir;

  @Test
  @DisplayName("returns a new loader from every with... method and leaves the original unchanged")
  void immutable() {
    ConfigLoader original = ConfigLoader.create().withEnvironmentVariables(name -> null);
    ConfigLoader live = original.withEnvironment(Environment.LIVE);
    ConfigLoader withSecrets = original.withSecrets(SecretSource.of(Map.of("key", "v")));

    assertThat(live).isNotSameAs(original);
    assertThat(withSecrets).isNotSameAs(original);
    assertThat(original.withBaseDirectory(dir)).isNotSameAs(original);
    assertThat(original.withEnvironmentVariables(name -> "x")).isNotSameAs(original);
    assertThat(withSecrets.parse(MINIMAL).environment()).isEqualTo(Environment.DEV);
    assertThat(problems(() -> original.parse(MINIMAL))).hasSize(1);
    assertThat(problems(() -> live.parse(MINIMAL))).hasSize(1);
  }

  @Test
  @DisplayName("shows the environment and base directory in toString, nothing else")
  void toStringShowsOptions() {
    assertThat(ConfigLoader.create().withEnvironment(Environment.LIVE).withBaseDirectory(dir))
        .hasToString("ConfigLoader[environment=live, baseDirectory=" + dir.toAbsolutePath() + "]");
  }

  @Test
  @DisplayName("loads a YAML file")
  void loadsYaml() throws IOException {
    Path file = Files.writeString(dir.resolve("keyway.yaml"), MINIMAL);
    KeywayConfig config =
        ConfigLoader.create().withSecrets(SecretSource.of(Map.of("key", "v"))).load(file);
    assertThat(config.collections().get("api").auth().settings()).containsOnly(entry("key", "v"));
  }

  @Test
  @DisplayName("loads a JSON file")
  void loadsJson() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("keyway.json"),
            """
            {"environment": "live", "collections": {"api": {"baseUrl": "https://api.example",
              "auth": {"type": "none"}, "calls": {}, "timeouts": {"connect": "1s"}}}}
            """);
    KeywayConfig config = ConfigLoader.create().load(file);
    assertThat(config.environment()).isEqualTo(Environment.LIVE);
    assertThat(config.collections().get("api").timeouts().connect())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("reports a missing file as one problem naming the file")
  void missingFile() {
    Path file = dir.resolve("nope.yaml");
    assertThat(problems(() -> ConfigLoader.create().load(file)))
        .containsExactly("cannot read the configuration file " + file + ": file not found");
  }

  @Test
  @DisplayName("reports a directory given as the file")
  void directoryAsFile() {
    assertThat(problems(() -> ConfigLoader.create().load(dir)))
        .singleElement()
        .asString()
        .startsWith("cannot read the configuration file " + dir + ": ");
  }

  @Test
  @DisplayName("reports a file that is not UTF-8 text")
  void notUtf8() throws IOException {
    Path file = Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xFF});
    assertThat(problems(() -> ConfigLoader.create().load(file)))
        .containsExactly("cannot read the configuration file " + file + ": not UTF-8 text");
  }

  @Test
  @DisplayName("names the file in a syntax error")
  void syntaxErrorNamesFile() throws IOException {
    Path file = Files.writeString(dir.resolve("keyway.yaml"), "collections:\n\tapi: {}\n");
    assertThat(problems(() -> ConfigLoader.create().load(file)))
        .containsExactly(
            "keyway.yaml, line 2, column 1: not valid YAML (a tab character; indent with spaces)");
  }

  @Test
  @DisplayName("names an empty file")
  void emptyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("keyway.yaml"), "");
    assertThat(problems(() -> ConfigLoader.create().load(file)))
        .containsExactly("keyway.yaml is empty");
  }

  @Test
  @DisplayName("resolves relative file references of parsed text against the base directory")
  void parseUsesBaseDirectory() throws IOException {
    Files.writeString(dir.resolve("key.txt"), "from-file\n");
    String yaml = MINIMAL.replace("${secret:key}", "${file:key.txt}");
    KeywayConfig config = ConfigLoader.create().withBaseDirectory(dir).parse(yaml);
    assertThat(config.collections().get("api").auth().settings())
        .containsOnly(entry("key", "from-file"));
  }

  @Test
  @DisplayName("names every value of an unsupported type in a tree, by type only")
  void unsupportedTreeValues() {
    Map<String, Object> tree =
        Map.of(
            "collections",
            Map.of(
                "api",
                Map.of(
                    "baseUrl", java.net.URI.create("https://api.example"),
                    "auth", Map.of("type", "none", "scopes", List.of("a", Duration.ofSeconds(1))),
                    "calls", Map.of())));
    assertThat(problems(() -> ConfigLoader.create().fromTree(tree)))
        .containsExactlyInAnyOrder(
            "collections.api.baseUrl: unsupported value of type java.net.URI; expected a map,"
                + " list, string, number or boolean",
            "collections.api.auth.scopes[1]: unsupported value of type java.time.Duration;"
                + " expected a map, list, string, number or boolean");
  }

  @Test
  @DisplayName("reads a tree with null values as absent, and keys of any type as text")
  void treeWithNullsAndNumberKeys() {
    Map<String, Object> auth = new java.util.HashMap<>();
    auth.put("type", "none");
    auth.put("unused", null);
    auth.put("codes", Map.of(200, "ok"));
    Map<String, Object> tree =
        Map.of(
            "collections",
            Map.of(
                "api", Map.of("baseUrl", "https://api.example", "auth", auth, "calls", Map.of())));
    assertThat(ConfigLoader.create().fromTree(tree).collections().get("api").auth().settings())
        .containsOnly(entry("codes", Map.of("200", "ok")));
  }

  @Test
  @DisplayName("reads a tree's java.math.BigDecimal as plain text")
  void treeBigDecimal() {
    Map<String, Object> tree =
        Map.of(
            "collections",
            Map.of(
                "api",
                Map.of(
                    "baseUrl", "https://api.example",
                    "auth", Map.of("type", "none", "rate", new java.math.BigDecimal("1E+3")),
                    "calls", Map.of())));
    assertThat(ConfigLoader.create().fromTree(tree).collections().get("api").auth().settings())
        .containsOnly(entry("rate", "1000"));
  }
}
