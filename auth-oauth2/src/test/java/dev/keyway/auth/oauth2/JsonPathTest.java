package dev.keyway.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JsonPath")
class JsonPathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  @DisplayName("finds members, array indexes, and nothing for a missing step or null")
  void finds() throws Exception {
    JsonNode root = json("{\"data\":{\"tokens\":[{\"v\":\"t0\"},{\"v\":\"t1\"}],\"none\":null}}");

    assertThat(JsonPath.parse("data.tokens.1.v").orElseThrow().find(root))
        .hasValueSatisfying(node -> assertThat(node.textValue()).isEqualTo("t1"));
    assertThat(JsonPath.parse("data.tokens.2.v").orElseThrow().find(root)).isEmpty();
    assertThat(JsonPath.parse("data.none").orElseThrow().find(root)).isEmpty();
    assertThat(JsonPath.parse("data.x.y").orElseThrow().find(root)).isEmpty();
  }

  @Test
  @DisplayName("an empty path or an empty step is not a path")
  void refuses() {
    assertThat(JsonPath.parse("")).isEmpty();
    assertThat(JsonPath.parse("a..b")).isEmpty();
    assertThat(JsonPath.parse(".a")).isEmpty();
    assertThat(JsonPath.parse("a.")).isEmpty();
    assertThat(JsonPath.parse(" access_token "))
        .hasValueSatisfying(path -> assertThat(path.steps()).containsExactly("access_token"));
  }
}
