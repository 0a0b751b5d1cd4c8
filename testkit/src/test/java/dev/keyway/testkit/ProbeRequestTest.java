package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import dev.keyway.spi.OutboundRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ProbeRequest")
class ProbeRequestTest {

  private static final URI ORIGIN = URI.create("http://127.0.0.1:1234");

  @Test
  @DisplayName("builds a GET of the call's path without a body by default")
  void plain() {
    OutboundRequest request = ProbeRequest.from(ORIGIN, Map.of("path", "/header-key/x"));

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri()).isEqualTo(URI.create("http://127.0.0.1:1234/header-key/x"));
    assertThat(request.body().kind()).isEqualTo(Body.Kind.NONE);
  }

  @Test
  @DisplayName("fills path parameters and keeps a query written in the path")
  void pathAndQuery() {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("method", "delete");
    call.put("path", "/things/[id]?fixed=a%20b");
    call.put("params", Map.of("id", Map.of("in", "path", "default", "x y")));

    OutboundRequest request = ProbeRequest.from(ORIGIN, call);

    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo("/things/x%20y");
    assertThat(request.query()).containsExactly(new FormField("fixed", "a b"));
  }

  @Test
  @DisplayName("fills a JSON template from the body parameters, escaped for JSON")
  void jsonTemplate() {
    Map<String, Object> call =
        Map.of(
            "method",
            "POST",
            "path",
            "/body-key/x",
            "body",
            Map.of("type", "json", "template", "{\"name\":\"<name>\"}"),
            "params",
            Map.of("name", Map.of("in", "body", "private", "true", "value", "k\"it")));

    Body body = ProbeRequest.from(ORIGIN, call).body();

    assertThat(body.kind()).isEqualTo(Body.Kind.JSON);
    assertThat(body.text()).isEqualTo("{\"name\":\"k\\\"it\"}");
  }

  @Test
  @DisplayName("builds a JSON object of the body parameters without a template")
  void jsonObject() {
    Map<String, Object> call =
        Map.of(
            "path", "/body-key/x",
            "body", "json",
            "params",
                Map.of(
                    "a", Map.of("in", "body", "default", "1"),
                    "q", Map.of("in", "query", "default", "2"),
                    "none", Map.of("in", "body")));

    assertThat(ProbeRequest.from(ORIGIN, call).body().text()).isEqualTo("{\"a\":\"1\"}");
  }

  @Test
  @DisplayName("builds a form of the body parameters, and a raw body from the template")
  void formAndRaw() {
    Map<String, Object> form =
        Map.of(
            "path", "/body-key/x",
            "body", Map.of("type", "form"),
            "params", Map.of("a", Map.of("in", "body", "value", "x y")));
    Map<String, Object> raw =
        Map.of(
            "path",
            "/x",
            "body",
            Map.of("type", "raw", "template", "<xml/>", "contentType", "application/xml"));

    Body formBody = ProbeRequest.from(ORIGIN, form).body();
    Body rawBody = ProbeRequest.from(ORIGIN, raw).body();

    assertThat(formBody.formFields()).containsExactly(new FormField("a", "x y"));
    assertThat(rawBody.contentType()).isEqualTo("application/xml");
    assertThat(rawBody.bytes()).isEqualTo("<xml/>".getBytes(StandardCharsets.UTF_8));
  }
}
