package dev.keyway.core.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.ParamConfig;
import dev.keyway.core.config.ParamConfig.Location;
import dev.keyway.core.config.Timeouts;
import dev.keyway.spi.Body;
import dev.keyway.spi.OutboundRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallTemplateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ParamConfig param(String name, Location in) {
    return new ParamConfig(name, in, false, Optional.empty(), false, Optional.empty());
  }

  private static ParamConfig required(String name, Location in) {
    return new ParamConfig(name, in, true, Optional.empty(), false, Optional.empty());
  }

  private static ParamConfig withDefault(String name, Location in, String value) {
    return new ParamConfig(name, in, false, Optional.of(value), false, Optional.empty());
  }

  private static ParamConfig privateParam(String name, Location in, String value) {
    return new ParamConfig(name, in, false, Optional.empty(), true, Optional.of(value));
  }

  private static Map<String, ParamConfig> params(ParamConfig... params) {
    Map<String, ParamConfig> map = new LinkedHashMap<>();
    for (ParamConfig param : params) {
      map.put(param.name(), param);
    }
    return map;
  }

  private static CallConfig call(
      String method, String path, BodyConfig body, ParamConfig... params) {
    return new CallConfig("c", method, path, Map.of(), Map.of(), body, params(params), false);
  }

  private static CollectionConfig collection(String baseUrl, CallConfig call) {
    return new CollectionConfig(
        "api",
        URI.create(baseUrl),
        AuthConfig.none(),
        Map.of(),
        Map.of(),
        Timeouts.DEFAULT,
        Map.of(call.id(), call));
  }

  private static CallTemplate compile(String baseUrl, CallConfig call) {
    return CallTemplate.compile(collection(baseUrl, call), call);
  }

  private static OutboundRequest build(CallTemplate template, Map<String, ?> params) {
    return template.build(params, Optional.empty());
  }

  private static BodyConfig json(String template) {
    return new BodyConfig(BodyConfig.Type.JSON, Optional.ofNullable(template), Optional.empty());
  }

  private static final BodyConfig FORM =
      new BodyConfig(BodyConfig.Type.FORM, Optional.empty(), Optional.empty());

  @Test
  @DisplayName("path values are encoded as one segment behind the base path prefix")
  void pathEncoding() {
    CallTemplate template =
        compile(
            "https://api.example.com/v2",
            call("GET", "/cities/[city]/now", BodyConfig.none(), param("city", Location.PATH)));

    OutboundRequest request = build(template, Map.of("city", "São Paulo 100%"));

    assertThat(request.uri())
        .hasToString("https://api.example.com/v2/cities/S%C3%A3o%20Paulo%20100%25/now");
    assertThat(request.origin()).hasToString("https://api.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.example.com/v2", "https://api.example.com/v2/"})
  @DisplayName("a base path prefix joins the call path with exactly one slash")
  void prefixJoin(String baseUrl) {
    CallTemplate template = compile(baseUrl, call("GET", "/things", BodyConfig.none()));
    assertThat(build(template, Map.of()).rawPath()).isEqualTo("/v2/things");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../admin",
        "..",
        ".",
        "%2e%2e",
        "%2E%2E",
        "%252e%252e",
        "a/b",
        "a%2Fb",
        "a%252Fb",
        "//evil.example",
        "\\evil",
        "a%5cb",
        "",
        "line\nbreak"
      })
  @DisplayName("a path value that could change the path is refused, naming the parameter only")
  void hostilePathValues(String value) {
    CallTemplate template =
        compile(
            "https://api.example.com/v2",
            call("GET", "/users/[id]", BodyConfig.none(), param("id", Location.PATH)));

    assertThatThrownBy(() -> build(template, Map.of("id", value)))
        .isInstanceOfSatisfying(
            CallRejectedException.class,
            e -> {
              assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("params.id");
              if (value.length() > 2) { // "." and ".." appear in the explanation itself
                assertThat(e.getMessage()).doesNotContain(value);
              }
            });
  }

  @Test
  @DisplayName("dots inside a value are fine: only whole '.' and '..' segments are refused")
  void dotsInsideValues() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call("GET", "/files/[name]", BodyConfig.none(), param("name", Location.PATH)));
    assertThat(build(template, Map.of("name", "report..v2.pdf")).rawPath())
        .isEqualTo("/files/report..v2.pdf");
  }

  @Test
  @DisplayName("query values are encoded, fixed query first, then parameters in declared order")
  void query() {
    CallConfig call =
        new CallConfig(
            "c",
            "GET",
            "/search",
            new LinkedHashMap<>(Map.of("units", "metric")),
            Map.of(),
            BodyConfig.none(),
            params(param("q", Location.QUERY), param("page", Location.QUERY)),
            false);
    CallTemplate template = compile("https://api.example.com", call);

    OutboundRequest request = build(template, Map.of("page", 2, "q", "a&b=c d"));

    assertThat(request.rawQuery()).isEqualTo("units=metric&q=a%26b%3Dc%20d&page=2");
  }

  @Test
  @DisplayName("headers come from the collection, then the call, then header parameters")
  void headers() {
    CallConfig call =
        new CallConfig(
            "c",
            "GET",
            "/",
            Map.of(),
            Map.of("Accept", "application/json"),
            BodyConfig.none(),
            params(param("X-Request-Id", Location.HEADER)),
            false);
    CollectionConfig collection =
        new CollectionConfig(
            "api",
            URI.create("https://api.example.com"),
            AuthConfig.none(),
            Map.of("Accept", "text/plain", "Stripe-Version", "2024-06-20"),
            Map.of(),
            Timeouts.DEFAULT,
            Map.of("c", call));

    OutboundRequest request =
        CallTemplate.compile(collection, call)
            .build(Map.of("X-Request-Id", "r-1"), Optional.empty());

    assertThat(request.headers().first("accept")).contains("application/json");
    assertThat(request.headers().first("stripe-version")).contains("2024-06-20");
    assertThat(request.headers().first("x-request-id")).contains("r-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\u0000"})
  @DisplayName("a header parameter with a line break or control character is refused")
  void headerInjection(String value) {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call("GET", "/", BodyConfig.none(), param("X-Trace", Location.HEADER)));
    assertThatThrownBy(() -> build(template, Map.of("X-Trace", value)))
        .isInstanceOf(CallRejectedException.class)
        .hasMessage(
            "call refused: params.X-Trace: a header value cannot contain line breaks or control"
                + " characters");
  }

  @Test
  @DisplayName("a caller cannot send a private parameter; its configured value is used")
  void privateParameters() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call("POST", "/items", FORM, privateParam("token", Location.BODY, "cfg-secret")));

    assertThatThrownBy(() -> build(template, Map.of("token", "attacker")))
        .isInstanceOf(CallRejectedException.class)
        .hasMessage("call refused: params.token: private; its value comes from configuration");
    assertThat(build(template, Map.of()).body().text()).isEqualTo("token=cfg-secret");
  }

  @Test
  @DisplayName("every caller mistake is reported together")
  void allCallerMistakes() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "GET",
                "/[id]",
                BodyConfig.none(),
                param("id", Location.PATH),
                required("q", Location.QUERY),
                privateParam("key", Location.QUERY, "k")));

    assertThatThrownBy(
            () -> build(template, Map.of("id", "../x", "key", "k2", "extra", 1, "q", List.of())))
        .isInstanceOfSatisfying(
            CallRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::toString)
                    .containsExactlyInAnyOrder(
                        "params.extra: not a parameter of api.c",
                        "params.key: private; its value comes from configuration",
                        "params.q: must be text, a number or a boolean",
                        "params.id: a path value cannot contain '/' or '\\', also when"
                            + " percent-encoded"));
  }

  @Test
  @DisplayName("a missing required parameter, and a missing path parameter, are refused")
  void missingRequired() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "GET",
                "/[id]",
                BodyConfig.none(),
                param("id", Location.PATH),
                required("q", Location.QUERY)));
    assertThatThrownBy(() -> build(template, Map.of()))
        .isInstanceOfSatisfying(
            CallRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::toString)
                    .containsExactly("params.id: required", "params.q: required"));
  }

  @Test
  @DisplayName("defaults fill absent parameters; absent optional ones are left out")
  void defaults() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "GET",
                "/",
                BodyConfig.none(),
                withDefault("limit", Location.QUERY, "10"),
                param("cursor", Location.QUERY)));
    assertThat(build(template, Map.of()).rawQuery()).isEqualTo("limit=10");
    assertThat(build(template, Map.of("limit", 5)).rawQuery()).isEqualTo("limit=5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\",\"admin\":true,\"x\":\"",
        "\\",
        "</script><script>alert(1)</script>",
        "line\nbreak\ttab",
        "\u2028",
        "}"
      })
  @DisplayName("a value in a JSON template stays inside its string")
  void jsonInjection(String value) throws Exception {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "POST",
                "/customers",
                json("{\"email\": \"<email>\", \"source\": \"keyway\"}"),
                param("email", Location.BODY)));

    Body body = build(template, Map.of("email", value)).body();

    JsonNode tree = JSON.readTree(body.text());
    assertThat(tree.size()).isEqualTo(2);
    assertThat(tree.get("email").asText()).isEqualTo(value);
    assertThat(tree.get("source").asText()).isEqualTo("keyway");
    assertThat(body.contentType()).isEqualTo("application/json");
  }

  @Test
  @DisplayName("bare placeholders take numbers and booleans as literals and text as a string")
  void barePlaceholders() throws Exception {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "POST",
                "/x",
                json("{\"n\": <n>, \"ok\": <ok>, \"name\": <name>, \"opt\": <opt>}"),
                param("n", Location.BODY),
                param("ok", Location.BODY),
                param("name", Location.BODY),
                param("opt", Location.BODY)));

    String text =
        build(template, Map.of("n", new BigDecimal("12.50"), "ok", true, "name", "a\"b"))
            .body()
            .text();

    assertThat(text).isEqualTo("{\"n\": 12.50, \"ok\": true, \"name\": \"a\\\"b\", \"opt\": null}");
    assertThat(JSON.readTree(text).get("name").asText()).isEqualTo("a\"b");
  }

  @Test
  @DisplayName("without a template, a JSON body is an object of the body parameters")
  void jsonObject() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "POST",
                "/x",
                json(null),
                param("name", Location.BODY),
                param("age", Location.BODY),
                param("unused", Location.BODY)));
    assertThat(build(template, Map.of("age", 42, "name", "Zoë")).body().text())
        .isEqualTo("{\"name\":\"Zoë\",\"age\":42}");
  }

  @Test
  @DisplayName("a form body holds the body parameters, encoded, in declared order")
  void form() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call("POST", "/x", FORM, param("b", Location.BODY), param("a", Location.BODY)));
    Body body = build(template, Map.of("a", "1&2", "b", "x y")).body();
    assertThat(body.text()).isEqualTo("b=x+y&a=1%262");
    assertThat(body.contentType()).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  @DisplayName("a raw body is its template with plain-text placeholders and its content type")
  void raw() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call(
                "POST",
                "/x",
                new BodyConfig(
                    BodyConfig.Type.RAW,
                    Optional.of("<?xml version=\"1.0\"?><q><term></q>"),
                    Optional.of("application/xml")),
                param("term", Location.BODY)));
    Body body = build(template, Map.of("term", "cats")).body();
    assertThat(body.text()).isEqualTo("<?xml version=\"1.0\"?><q>cats</q>");
    assertThat(body.contentType()).isEqualTo("application/xml");
  }

  @Test
  @DisplayName("the request carries the end user when one is given")
  void user() {
    CallTemplate template = compile("https://api.example.com", call("GET", "/", BodyConfig.none()));
    assertThat(template.build(Map.of(), Optional.of("user-7")).user()).contains("user-7");
  }

  @Test
  @DisplayName("template mistakes are all reported at compile time with their paths")
  void compileProblems() {
    CallConfig call =
        call(
            "GET",
            "/a/[id]/[id]/[missing]",
            BodyConfig.none(),
            param("id", Location.PATH),
            param("orphan", Location.PATH),
            param("data", Location.BODY));

    assertThatThrownBy(() -> compile("https://api.example.com", call))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::toString)
                    .containsExactlyInAnyOrder(
                        "collections.api.calls.c.path: [id] appears twice",
                        "collections.api.calls.c.path: [missing] is not declared as a parameter"
                            + " with in: path",
                        "collections.api.calls.c.params.orphan: in: path, but the path has no"
                            + " [orphan]",
                        "collections.api.calls.c.params.data: in: body, but the call has no body"
                            + " (set body.type)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a/[id", "/a/id]", "/a?x=1", "/a/../b", "/a b", "/a/[bad name]"})
  @DisplayName("a malformed path template is a compile problem")
  void badPaths(String path) {
    CallConfig call = call("GET", path, BodyConfig.none(), param("id", Location.PATH));
    assertThatThrownBy(() -> compile("https://api.example.com", call))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::path)
                    .contains("collections.api.calls.c.path"));
  }

  @Test
  @DisplayName("a JSON template that is not JSON, or lacks a body parameter, is a compile problem")
  void badJsonTemplate() {
    CallConfig call =
        call(
            "POST",
            "/x",
            json("{\"a\": <a>,}"),
            param("a", Location.BODY),
            param("b", Location.BODY));
    assertThatThrownBy(() -> compile("https://api.example.com", call))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::path)
                    .containsExactlyInAnyOrder(
                        "collections.api.calls.c.params.b",
                        "collections.api.calls.c.body.template"));
  }

  @Test
  @DisplayName("NaN and infinite numbers are refused")
  void nonFiniteNumbers() {
    CallTemplate template =
        compile(
            "https://api.example.com",
            call("GET", "/", BodyConfig.none(), param("n", Location.QUERY)));
    assertThatThrownBy(() -> build(template, Map.of("n", Double.NaN)))
        .hasMessage("call refused: params.n: must be a finite number");
  }
}
