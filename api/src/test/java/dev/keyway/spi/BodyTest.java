package dev.keyway.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|{\"api_key\":\"k\"}",
        "{\"a\":1}|{\"api_key\":\"k\",\"a\":1}",
        "  { \"a\" : [1] }  |{\"api_key\":\"k\",\"a\" : [1] }",
      })
  @DisplayName("a field is inserted as the first member of a JSON object")
  void jsonField(String json, String expected) {
    assertThat(Body.json(json).withField("api_key", "k").text()).isEqualTo(expected);
  }

  @Test
  @DisplayName("a field value cannot break out of its JSON string")
  void jsonFieldEscaped() {
    String value = "\",\"admin\":true,\"x\":\"\\\n</script>";
    String json = Body.json("{}").withField("k", value).text();
    assertThat(json)
        .isEqualTo(
            "{\"k\":\"\\\",\\\"admin\\\":true,\\\"x\\\":\\\"\\\\\\n\\u003c/script\\u003e\"}");
  }

  @Test
  @DisplayName("a field is appended to a form, encoded")
  void formField() {
    Body form = Body.form(List.of(new FormField("a", "1 2"))).withField("api key", "k&v=é");
    assertThat(form.text()).isEqualTo("a=1+2&api+key=k%26v%3D%C3%A9");
    assertThat(form.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form.formFields()).hasSize(2);
  }

  @Test
  @DisplayName("a field cannot be added to a JSON array, raw text or no body")
  void refusesOtherBodies() {
    assertThatThrownBy(() -> Body.json("[1]").withField("k", "v"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> Body.raw("x".getBytes(StandardCharsets.UTF_8), "text/plain").withField("k", "v"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Body.none().withField("k", "v"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("toString shows the kind and size, never the content")
  void toStringHidesContent() {
    assertThat(Body.json("{\"password\":\"canary\"}").toString())
        .isEqualTo("Body[JSON, 21 bytes]")
        .doesNotContain("canary");
    assertThat(new FormField("password", "canary").toString()).doesNotContain("canary");
  }

  @Test
  @DisplayName("bytes are copies")
  void bytesAreCopies() {
    byte[] raw = {1, 2, 3};
    Body body = Body.raw(raw, "application/octet-stream");
    raw[0] = 9;
    body.bytes()[1] = 9;
    assertThat(body.bytes()).containsExactly(1, 2, 3);
  }
}
