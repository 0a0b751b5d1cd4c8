package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.failure;
import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.keyway.api.InvalidConfigException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigLoader reads YAML and JSON text")
class ConfigLoaderSyntaxTest {

  private static final ConfigLoader LOADER = ConfigLoader.create();

  private static InvalidConfigException failureOf(String text) {
    return failure(() -> LOADER.parse(text));
  }

  @Test
  @DisplayName("names the line and column of a YAML syntax error without quoting the text")
  void yamlSyntaxError() {
    String yaml =
        """
        collections:
          api:
            password: s3cr3t-CANARY: oops
        """;
    InvalidConfigException e = failureOf(yaml);
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid configuration: line 3, column 28: not valid YAML (a value contains ': ';"
                + " put it in quotes)")
        .doesNotContain("CANARY");
  }

  @Test
  @DisplayName("explains a tab used for indentation")
  void tabIndentation() {
    assertThat(problems(() -> LOADER.parse("collections:\n\tapi: {}\n")))
        .containsExactly("line 2, column 1: not valid YAML (a tab character; indent with spaces)");
  }

  @Test
  @DisplayName("explains an unterminated quote, at the end of the text")
  void unterminatedQuote() {
    String message =
        problems(() -> LOADER.parse("collections:\n  api:\n    key: \"CANARY-secret\n")).get(0);
    assertThat(message)
        .startsWith("line 4, column 1: not valid YAML (the text ends inside a quoted value")
        .doesNotContain("CANARY");
  }

  @Test
  @DisplayName("explains indentation that does not match")
  void badIndentation() {
    String message =
        problems(() -> LOADER.parse("collections:\n  api:\n    - a\n   b: CANARY\n")).get(0);
    assertThat(message).startsWith("line 4, column 4: not valid YAML").doesNotContain("CANARY");
  }

  @Test
  @DisplayName("refuses a duplicate key at its position")
  void duplicateKey() {
    assertThat(problems(() -> LOADER.parse("collections: {}\nenvironment: dev\ncollections: {}\n")))
        .containsExactly("line 3, column 1: duplicate key; each key may appear once in a map");
  }

  @Test
  @DisplayName("refuses a duplicate key in JSON")
  void duplicateJsonKey() {
    assertThat(problems(() -> LOADER.parse("{\"collections\": {},\n \"collections\": {}}")))
        .containsExactly("line 2, column 2: duplicate key; each key may appear once in a map");
  }

  @Test
  @DisplayName("refuses YAML aliases, which would otherwise be read as plain text")
  void alias() {
    String yaml =
        """
        collections:
          api:
            baseUrl: https://api.example
            auth: { type: none }
            headers: &shared { X-A: a }
            calls:
              one: { path: /a, headers: *shared }
        """;
    assertThat(problems(() -> LOADER.parse(yaml)))
        .containsExactly(
            "line 7, column 33: YAML aliases (*name) are not supported; repeat the value, or use a"
                + " collection's shared headers and params");
  }

  @Test
  @DisplayName("refuses a second YAML document")
  void secondDocument() {
    assertThat(problems(() -> LOADER.parse("collections: {}\n---\nenvironment: live\n")))
        .containsExactly(
            "line 3, column 1: a second document starts here; keep the whole configuration in one");
  }

  @Test
  @DisplayName("refuses empty text and text with comments only")
  void empty() {
    assertThat(problems(() -> LOADER.parse(""))).containsExactly("the configuration is empty");
    assertThat(problems(() -> LOADER.parse("# nothing\n")))
        .containsExactly("the configuration is empty");
  }

  @Test
  @DisplayName("refuses a document that is not a map")
  void notAMap() {
    assertThat(problems(() -> LOADER.parse("- a\n- b\n")))
        .containsExactly("expected a map of settings at the top level, such as collections: ...");
    assertThat(problems(() -> LOADER.parse("just text")))
        .containsExactly("expected a map of settings at the top level, such as collections: ...");
  }

  @Test
  @DisplayName("names the line and column of a JSON syntax error without quoting the text")
  void jsonSyntaxError() {
    String json = "{\n  \"collections\": {\n    \"api\": \"CANARY\"\n    \"other\": {}\n  }\n}";
    InvalidConfigException e = failureOf(json);
    assertThat(e.getMessage())
        .isEqualTo("invalid configuration: line 4, column 5: not valid JSON")
        .doesNotContain("CANARY");
  }

  @Test
  @DisplayName("reads JSON-like text that is valid YAML as YAML, and checks it as usual")
  void jsonThatIsYaml() {
    String text = "{\n  \"collections\": {\n    \"api\": CANARY-secret\n  }\n}";
    assertThat(problems(() -> LOADER.parse(text)))
        .containsExactly("collections.api: expected a map");
  }

  @Test
  @DisplayName("reads flow-style YAML that starts with a brace")
  void flowYaml() {
    KeywayConfig config =
        LOADER.parse(
            "{collections: {api: {baseUrl: 'https://api.example', auth: {type: none}, calls: {}}}}");
    assertThat(config.collections()).containsOnlyKeys("api");
  }

  @Test
  @DisplayName("reports the YAML error when flow-style YAML is broken further on than JSON fails")
  void brokenFlowYaml() {
    assertThat(problems(() -> LOADER.parse("{collections: {api: {baseUrl: x}, calls: [}")))
        .singleElement()
        .asString()
        .startsWith("line 1, column ")
        .contains("not valid YAML");
  }

  @Test
  @DisplayName("skips a byte order mark")
  void byteOrderMark() {
    assertThat(LOADER.parse("\uFEFFcollections: {}\n").collections()).isEmpty();
  }

  @Test
  @DisplayName("reads a quoted empty value as empty text and an empty plain value as absent")
  void emptyValues() {
    String yaml =
        """
        collections:
          api:
            baseUrl: https://api.example
            auth:
              type: basic
              username: ""
              password: ''
              realm:
              scheme: ~
            calls: {}
        """;
    Map<String, Object> settings = LOADER.parse(yaml).collections().get("api").auth().settings();
    assertThat(settings).containsOnly(entry("username", ""), entry("password", ""));
  }
}
