package dev.keyway.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Settings;
import dev.keyway.testkit.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JsonBody and PlaceholderValues")
class JsonBodyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NASTY =
      "\" } , \"admin\": true, \"x\": \"\\\n\r\t\u0000\u2028</script>";

  private final ConfigProblems problems = new ConfigProblems();

  private JsonNode render(Object body, Map<String, Object> values) throws Exception {
    Settings settings = TestSettings.of("body", body, "values", values);
    PlaceholderValues placeholders = PlaceholderValues.read(settings, problems);
    String json = JsonBody.render(settings, "body", placeholders, problems).orElseThrow();
    placeholders.reportUnused();
    return JSON.readTree(json);
  }

  private List<String> paths() {
    return problems.list().stream().map(ConfigProblem::path).toList();
  }

  @Test
  @DisplayName("a value that tries to end its string stays one JSON string, in text and map form")
  void injectionStaysInItsString() throws Exception {
    JsonNode text = render("{\"user\": \"<user>\"}", Map.of("user", NASTY));
    JsonNode map = render(Map.of("user", "<user>"), Map.of("user", NASTY));

    assertThat(problems.isEmpty()).isTrue();
    for (JsonNode body : List.of(text, map)) {
      assertThat(body.size()).isEqualTo(1);
      assertThat(body.get("user").textValue()).isEqualTo(NASTY);
    }
  }

  @Test
  @DisplayName(
      "placeholders inside longer strings, arrays and nested objects are filled; keys are not")
  void placesFilled() throws Exception {
    JsonNode body =
        render(
            "{\"<a>\": \"Basic <a>:<b>\", \"list\": [\"<b>\", 2, false], \"o\": {\"p\": \"<a>\"}}",
            Map.of("a", "A", "b", "B"));

    assertThat(body.get("<a>").textValue()).isEqualTo("Basic A:B");
    assertThat(body.at("/list/0").textValue()).isEqualTo("B");
    assertThat(body.at("/list/1").intValue()).isEqualTo(2);
    assertThat(body.at("/list/2").booleanValue()).isFalse();
    assertThat(body.at("/o/p").textValue()).isEqualTo("A");
  }

  @Test
  @DisplayName("text that is not a placeholder name stays as it is")
  void notPlaceholders() throws Exception {
    JsonNode body = render(Map.of("html", "a < b > c <1x> <>"), Map.of());

    assertThat(problems.isEmpty()).isTrue();
    assertThat(body.get("html").textValue()).isEqualTo("a < b > c <1x> <>");
  }

  @Test
  @DisplayName("a missing value is reported where the placeholder is, an unused one where it is")
  void missingAndUnused() throws Exception {
    render(Map.of("nested", Map.of("pass", "<pass>")), Map.of("password", "x"));

    assertThat(paths())
        .containsExactlyInAnyOrder(
            "collections.x.auth.body.nested.pass", "collections.x.auth.values.password");
  }

  @Test
  @DisplayName("a value that is a map, and a values setting that is not, are refused")
  void badValues() {
    PlaceholderValues.read(TestSettings.of("values", Map.of("a", Map.of("b", "c"))), problems);
    PlaceholderValues.read(TestSettings.of("values", "a=b"), problems);

    assertThat(paths()).containsExactly("collections.x.auth.values.a", "collections.x.auth.values");
  }
}
