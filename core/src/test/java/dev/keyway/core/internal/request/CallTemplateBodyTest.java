package dev.keyway.core.internal.request;

import static dev.keyway.core.config.ParamConfig.Location.BODY;
import static dev.keyway.core.config.ParamConfig.Location.QUERY;
import static dev.keyway.core.internal.request.CallFixture.form;
import static dev.keyway.core.internal.request.CallFixture.json;
import static dev.keyway.core.internal.request.CallFixture.optional;
import static dev.keyway.core.internal.request.CallFixture.post;
import static dev.keyway.core.internal.request.CallFixture.raw;
import static dev.keyway.core.internal.request.CallFixture.required;
import static dev.keyway.core.internal.request.CallFixture.secret;
import static dev.keyway.core.internal.request.CallFixture.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CallTemplate builds the body")
class CallTemplateBodyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Body body(CallTemplate template, Map<String, ?> params) {
    return template.build(params, Optional.empty()).body();
  }

  private static Map<String, Object> params(Object... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }

  @Test
  @DisplayName("a form body holds the body parameters in declaration order, form-encoded")
  void buildsForm() {
    CallTemplate template =
        post("/v1/customers")
            .body(form())
            .param(required("email", BODY))
            .param(optional("name", BODY))
            .param(optional("absent", BODY))
            .param(secret("description", BODY, "created by keyway"))
            .param(optional("expand", QUERY))
            .compile();

    Body body = body(template, params("name", "Zoë & Co=1", "email", "a+b@x.com", "expand", "x"));

    assertThat(body.kind()).isEqualTo(Body.Kind.FORM);
    assertThat(body.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(body.formFields())
        .containsExactly(
            new FormField("email", "a+b@x.com"),
            new FormField("name", "Zoë & Co=1"),
            new FormField("description", "created by keyway"));
    assertThat(new String(body.bytes(), StandardCharsets.US_ASCII))
        .isEqualTo("email=a%2Bb%40x.com&name=Zo%C3%AB+%26+Co%3D1&description=created+by+keyway");
  }

  @Test
  @DisplayName("a JSON body without a template is an object of the body parameters")
  void buildsJsonObject() {
    CallTemplate template =
        post("/x")
            .body(json())
            .param(required("email", BODY))
            .param(optional("count", BODY))
            .param(optional("vip", BODY))
            .param(optional("absent", BODY))
            .param(withDefault("plan", BODY, "basic"))
            .param(secret("source", BODY, "keyway"))
            .compile();

    Body body = body(template, params("vip", true, "count", 5, "email", "a\"b"));

    assertThat(body.kind()).isEqualTo(Body.Kind.JSON);
    assertThat(body.contentType()).isEqualTo("application/json");
    assertThat(body.text())
        .isEqualTo(
            "{\"email\":\"a\\\"b\",\"count\":5,\"vip\":true,\"plan\":\"basic\",\"source\":\"keyway\"}");
  }

  @Test
  @DisplayName("a JSON body without a template and without values is an empty object")
  void buildsEmptyJsonObject() {
    CallTemplate template = post("/x").body(json()).param(optional("a", BODY)).compile();

    assertThat(body(template, Map.of()).text()).isEqualTo("{}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "a\"b",
        "a\\",
        "\\\"",
        "</script><script>alert(1)</script>",
        "line\nbreak\r\n",
        "\", \"admin\": true, \"x\": \"",
        "tab\t\u0000\u001f",
        "sep\u2028\u2029",
        "<email>",
        "ünïcødé 😀",
      })
  @DisplayName("a value in a JSON template string stays inside the string, exactly")
  void keepsValueInsideString(String value) throws Exception {
    CallTemplate template =
        post("/x")
            .body(json("{\"user\": {\"email\": \"<email>\", \"role\": \"member\"}}"))
            .param(required("email", BODY))
            .compile();

    Body body = body(template, Map.of("email", value));

    JsonNode node = JSON.readTree(body.text());
    assertThat(node.get("user").get("email").textValue()).isEqualTo(value);
    assertThat(node.get("user").get("role").textValue()).isEqualTo("member");
    assertThat(node.size()).isEqualTo(1);
    assertThat(node.get("user").size()).isEqualTo(2);
    assertThat(body.text()).doesNotContain("</script>");
  }

  @Test
  @DisplayName("a placeholder in the middle of a string keeps the text around it")
  void placeholderInsideText() {
    CallTemplate template =
        post("/x")
            .body(json("{\"greeting\": \"Hello, <name>! \\\"<name>\\\"\"}"))
            .param(required("name", BODY))
            .compile();

    assertThat(body(template, Map.of("name", "Ann \"A\"")).text())
        .isEqualTo("{\"greeting\": \"Hello, Ann \\\"A\\\"! \\\"Ann \\\"A\\\"\\\"\"}");
  }

  @Test
  @DisplayName("numbers and booleans inside a string are written as their text")
  void scalarsInsideString() {
    CallTemplate template =
        post("/x")
            .body(json("{\"n\": \"<n>\", \"b\": \"<b>\"}"))
            .param(required("n", BODY))
            .param(required("b", BODY))
            .compile();

    assertThat(body(template, params("n", 12.5, "b", false)).text())
        .isEqualTo("{\"n\": \"12.5\", \"b\": \"false\"}");
  }

  @Test
  @DisplayName("bare placeholders become JSON literals for numbers and booleans, strings for text")
  void barePlaceholders() {
    CallTemplate template =
        post("/x")
            .body(
                json("{\"count\": <count>, \"vip\": <vip>, \"name\": <name>, \"list\": [<count>]}"))
            .param(required("count", BODY))
            .param(required("vip", BODY))
            .param(required("name", BODY))
            .compile();

    assertThat(body(template, params("count", 3, "vip", true, "name", "x\"}")).text())
        .isEqualTo("{\"count\": 3, \"vip\": true, \"name\": \"x\\\"}\", \"list\": [3]}");
  }

  @Test
  @DisplayName("an absent optional parameter is null when bare and empty inside a string")
  void absentPlaceholders() {
    CallTemplate template =
        post("/x")
            .body(json("{\"a\": <a>, \"b\": \"<b>\"}"))
            .param(optional("a", BODY))
            .param(optional("b", BODY))
            .compile();

    assertThat(body(template, Map.of()).text()).isEqualTo("{\"a\": null, \"b\": \"\"}");
  }

  @Test
  @DisplayName("configured values and defaults are written as JSON strings")
  void configuredValuesAreStrings() {
    CallTemplate template =
        post("/x")
            .body(json("{\"key\": <key>, \"limit\": <limit>}"))
            .param(secret("key", BODY, "k\"1"))
            .param(withDefault("limit", BODY, "10"))
            .compile();

    assertThat(body(template, Map.of()).text())
        .isEqualTo("{\"key\": \"k\\\"1\", \"limit\": \"10\"}");
  }

  @Test
  @DisplayName("<...> that does not name a body parameter stays as written")
  void keepsOtherAngleBrackets() {
    CallTemplate template =
        post("/x")
            .body(json("{\"html\": \"<b>bold</b> <city> <email\", \"email\": \"<email>\"}"))
            .param(required("email", BODY))
            .param(optional("city", QUERY))
            .compile();

    assertThat(body(template, Map.of("email", "e")).text())
        .isEqualTo("{\"html\": \"<b>bold</b> <city> <email\", \"email\": \"e\"}");
  }

  @Test
  @DisplayName("a raw body is the template with values as plain text and the configured type")
  void buildsRaw() {
    CallTemplate template =
        post("/soap")
            .body(
                raw(
                    "<Get><Id><id></Id><Note><note></Note><Key><key></Key></Get>",
                    "application/xml"))
            .param(required("id", BODY))
            .param(optional("note", BODY))
            .param(secret("key", BODY, "k1"))
            .compile();

    Body body = body(template, Map.of("id", 42));

    assertThat(body.kind()).isEqualTo(Body.Kind.RAW);
    assertThat(body.contentType()).isEqualTo("application/xml");
    assertThat(body.bytes())
        .isEqualTo(
            "<Get><Id>42</Id><Note></Note><Key>k1</Key></Get>".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a raw template without placeholders is sent as written, in UTF-8")
  void rawWithoutPlaceholders() {
    CallTemplate template = post("/x").body(raw("ping ✓", "text/plain; charset=utf-8")).compile();

    Body body = body(template, Map.of());

    assertThat(body.bytes()).isEqualTo("ping ✓".getBytes(StandardCharsets.UTF_8));
    assertThat(body.contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  @DisplayName("a call without a body sends none")
  void noBody() {
    CallTemplate template = post("/x").param(optional("q", QUERY)).compile();

    assertThat(body(template, Map.of("q", "1")).kind()).isEqualTo(Body.Kind.NONE);
  }
}
