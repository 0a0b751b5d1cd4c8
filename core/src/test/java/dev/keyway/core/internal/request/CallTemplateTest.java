package dev.keyway.core.internal.request;

import static dev.keyway.core.config.ParamConfig.Location.BODY;
import static dev.keyway.core.config.ParamConfig.Location.HEADER;
import static dev.keyway.core.config.ParamConfig.Location.PATH;
import static dev.keyway.core.config.ParamConfig.Location.QUERY;
import static dev.keyway.core.internal.request.CallFixture.get;
import static dev.keyway.core.internal.request.CallFixture.json;
import static dev.keyway.core.internal.request.CallFixture.optional;
import static dev.keyway.core.internal.request.CallFixture.post;
import static dev.keyway.core.internal.request.CallFixture.required;
import static dev.keyway.core.internal.request.CallFixture.secret;
import static dev.keyway.core.internal.request.CallFixture.withDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.keyway.api.ConfigProblem;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.config.ParamConfig;
import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import dev.keyway.spi.OutboundRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CallTemplate builds the outbound request")
class CallTemplateTest {

  private static OutboundRequest build(CallTemplate template, Map<String, ?> params) {
    return template.build(params, Optional.empty());
  }

  private static List<ConfigProblem> rejected(CallTemplate template, Map<String, ?> params) {
    return assertThatExceptionOfType(CallRejectedException.class)
        .isThrownBy(() -> build(template, params))
        .actual()
        .problems();
  }

  private static Map<String, Object> params(Object... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }

  @Test
  @DisplayName("a call without parameters goes to the base URL's origin and the call path")
  void buildsFixedRequest() {
    OutboundRequest request = get("/v1/things").compile().build(Map.of(), Optional.empty());

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.origin()).isEqualTo(URI.create("https://api.example.com"));
    assertThat(request.rawPath()).isEqualTo("/v1/things");
    assertThat(request.uri()).isEqualTo(URI.create("https://api.example.com/v1/things"));
    assertThat(request.headers().entries()).isEmpty();
    assertThat(request.body().kind()).isEqualTo(Body.Kind.NONE);
    assertThat(request.user()).isEmpty();
  }

  @Test
  @DisplayName("names its collection and call")
  void namesCall() {
    CallTemplate template = get("/x").compile();

    assertThat(template.collectionId()).isEqualTo("shop");
    assertThat(template.callId()).isEqualTo("order");
    assertThat(template).hasToString("CallTemplate[shop.order]");
  }

  @Test
  @DisplayName("the HTTP method is sent upper-case")
  void upperCasesMethod() {
    assertThat(get("/x").method("patch").compile().build(Map.of(), Optional.empty()).method())
        .isEqualTo("PATCH");
  }

  @Test
  @DisplayName("the request is made on behalf of the given end user")
  void setsUser() {
    OutboundRequest request = get("/x").compile().build(Map.of(), Optional.of("user-7"));

    assertThat(request.user()).contains("user-7");
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({
    "https://api.x.com/v2, /items",
    "https://api.x.com/v2/, /items",
    "https://api.x.com/v2, items",
    "https://api.x.com/v2/, items",
    "https://api.x.com/v2//, //items",
  })
  @DisplayName("a base URL's path prefix and the call path are joined with exactly one slash")
  void joinsPrefix(String baseUrl, String path) {
    OutboundRequest request =
        get(path).baseUrl(baseUrl).compile().build(Map.of(), Optional.empty());

    assertThat(request.origin()).isEqualTo(URI.create("https://api.x.com"));
    assertThat(request.rawPath()).isEqualTo("/v2/items");
    assertThat(request.uri()).isEqualTo(URI.create("https://api.x.com/v2/items"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://api.x.com", "https://api.x.com/"})
  @DisplayName("a base URL without a path prefix adds nothing before the call path")
  void noPrefix(String baseUrl) {
    OutboundRequest request =
        get("/items").baseUrl(baseUrl).compile().build(Map.of(), Optional.empty());

    assertThat(request.rawPath()).isEqualTo("/items");
  }

  @Test
  @DisplayName("the origin keeps the base URL's port and drops its path")
  void originKeepsPort() {
    OutboundRequest request =
        get("/items")
            .baseUrl("http://127.0.0.1:8081/api/")
            .compile()
            .build(Map.of(), Optional.empty());

    assertThat(request.origin()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(request.uri()).isEqualTo(URI.create("http://127.0.0.1:8081/api/items"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "New York|New%20York",
        "Zürich|Z%C3%BCrich",
        "東京|%E6%9D%B1%E4%BA%AC",
        "100%|100%25",
        "%zz|%25zz",
        "a+b|a%2Bb",
        "semi;colon|semi%3Bcolon",
        "user@evil.example|user%40evil.example",
        "a?b#c|a%3Fb%23c",
        "...|...",
        ".hidden|.hidden",
        "A-z_0.9~|A-z_0.9~",
        "😀|%F0%9F%98%80",
      })
  @DisplayName("a path value becomes one percent-encoded segment")
  void encodesPathValue(String value, String encoded) {
    CallTemplate template = get("/cities/[city]/now").param(required("city", PATH)).compile();

    OutboundRequest request = build(template, Map.of("city", value));

    assertThat(request.rawPath()).isEqualTo("/cities/" + encoded + "/now");
    assertThat(request.uri().getHost()).isEqualTo("api.example.com");
    assertThat(request.uri().getRawPath()).isEqualTo("/cities/" + encoded + "/now");
  }

  @Test
  @DisplayName("a path parameter can share a segment with fixed text")
  void pathParamInsideSegment() {
    CallTemplate template =
        get("/files/[name].json/[a]-[b]")
            .param(required("name", PATH))
            .param(required("a", PATH))
            .param(required("b", PATH))
            .compile();

    OutboundRequest request = build(template, params("name", "my file", "a", "x", "b", "y"));

    assertThat(request.rawPath()).isEqualTo("/files/my%20file.json/x-y");
  }

  @Test
  @DisplayName("numbers and booleans are written as text in the path")
  void numbersInPath() {
    CallTemplate template =
        get("/items/[id]/[flag]")
            .param(required("id", PATH))
            .param(required("flag", PATH))
            .compile();

    assertThat(build(template, params("id", 42, "flag", true)).rawPath())
        .isEqualTo("/items/42/true");
    assertThat(build(template, params("id", -1.5, "flag", false)).rawPath())
        .isEqualTo("/items/-1.5/false");
  }

  @Test
  @DisplayName("query: fixed pairs first, then query parameters in declaration order, encoded")
  void buildsQuery() {
    CallTemplate template =
        get("/search")
            .query("v", "2")
            .query("fixed", "a b")
            .param(required("q", QUERY))
            .param(optional("page", QUERY))
            .param(required("lang", QUERY))
            .compile();

    OutboundRequest request =
        build(template, params("lang", "fr", "page", 3, "q", "a b&c=d/é?#+*~"));

    assertThat(request.query())
        .containsExactly(
            new FormField("v", "2"),
            new FormField("fixed", "a b"),
            new FormField("q", "a b&c=d/é?#+*~"),
            new FormField("page", "3"),
            new FormField("lang", "fr"));
    assertThat(request.uri())
        .isEqualTo(
            URI.create(
                "https://api.example.com/search?v=2&fixed=a%20b&q=a%20b%26c%3Dd%2F%C3%A9%3F%23%2B%2A~"
                    + "&page=3&lang=fr"));
  }

  @Test
  @DisplayName("an absent optional query parameter is left out")
  void omitsAbsentQuery() {
    CallTemplate template =
        get("/search").param(required("q", QUERY)).param(optional("page", QUERY)).compile();

    assertThat(build(template, params("q", "x", "page", null)).uri())
        .isEqualTo(URI.create("https://api.example.com/search?q=x"));
  }

  @Test
  @DisplayName("a query value cannot reach the host, whatever it holds")
  void queryCannotChangeHost() {
    CallTemplate template = get("/go").param(required("to", QUERY)).compile();

    OutboundRequest request = build(template, Map.of("to", "@evil.example/#x"));

    assertThat(request.uri().getHost()).isEqualTo("api.example.com");
    assertThat(request.uri().getRawQuery()).isEqualTo("to=%40evil.example%2F%23x");
  }

  @Test
  @DisplayName("headers: the collection's, then the call's replacing same names, then parameters")
  void buildsHeaders() {
    CallTemplate template =
        get("/x")
            .sharedHeader("Accept", "application/json")
            .sharedHeader("X-Version", "1")
            .header("x-version", "2")
            .header("X-Trace", "fixed")
            .param(required("X-Trace", HEADER))
            .param(optional("X-Absent", HEADER))
            .compile();

    OutboundRequest request = build(template, Map.of("X-Trace", "abc\tdef"));

    assertThat(request.headers().entries())
        .containsExactly(
            Map.entry("Accept", "application/json"),
            Map.entry("x-version", "2"),
            Map.entry("X-Trace", "abc\tdef"));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {"a\r\nX-Admin: yes", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "\u0001"})
  @DisplayName("a header value with a line break or control character is refused, unquoted")
  void refusesHeaderInjection(String value) {
    CallTemplate template = get("/x").param(required("X-Trace", HEADER)).compile();

    CallRejectedException error =
        assertThatExceptionOfType(CallRejectedException.class)
            .isThrownBy(() -> build(template, Map.of("X-Trace", value)))
            .actual();

    assertThat(error.problems())
        .containsExactly(
            new ConfigProblem(
                "params.X-Trace",
                "a header value cannot contain line breaks or control characters"));
    assertThat(error.getMessage()).doesNotContain(value).doesNotContain("X-Admin");
  }

  @Test
  @DisplayName("a private parameter takes its configured value")
  void usesPrivateValue() {
    CallTemplate template =
        get("/x")
            .param(secret("apiKey", QUERY, "s3cr3t"))
            .param(secret("X-Key", HEADER, "h3ad3r"))
            .compile();

    OutboundRequest request = build(template, Map.of());

    assertThat(request.query()).containsExactly(new FormField("apiKey", "s3cr3t"));
    assertThat(request.headers().first("X-Key")).contains("h3ad3r");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"mine", ""})
  @DisplayName("a caller that sends a private parameter is refused")
  void refusesPrivate(String value) {
    CallTemplate template = get("/x").param(secret("apiKey", QUERY, "s3cr3t")).compile();

    assertThat(rejected(template, Map.of("apiKey", value)))
        .containsExactly(
            new ConfigProblem("params.apiKey", "private; its value comes from configuration"));
  }

  @Test
  @DisplayName("a caller that names a private parameter with null is refused too")
  void refusesPrivateNull() {
    CallTemplate template = get("/x").param(secret("apiKey", QUERY, "s3cr3t")).compile();

    assertThat(rejected(template, params("apiKey", null)))
        .containsExactly(
            new ConfigProblem("params.apiKey", "private; its value comes from configuration"));
  }

  @Test
  @DisplayName("a parameter the call does not declare is refused")
  void refusesUndeclared() {
    CallTemplate template = get("/x").param(optional("q", QUERY)).compile();

    assertThat(rejected(template, Map.of("host", "evil.example")))
        .containsExactly(new ConfigProblem("params.host", "not a parameter of shop.order"));
  }

  @Test
  @DisplayName("an undeclared name is shown without control characters and shortened")
  void printableUndeclaredName() {
    CallTemplate template = get("/x").compile();
    String longName = "n".repeat(100);

    assertThat(rejected(template, params("a\r\nb", 1, longName, 2)))
        .containsExactly(
            new ConfigProblem("params.a??b", "not a parameter of shop.order"),
            new ConfigProblem("params." + "n".repeat(64) + "…", "not a parameter of shop.order"));
  }

  @Test
  @DisplayName("a missing required parameter is refused, and null counts as missing")
  void refusesMissingRequired() {
    CallTemplate template = get("/x").param(required("q", QUERY)).compile();

    assertThat(rejected(template, Map.of()))
        .containsExactly(new ConfigProblem("params.q", "required"));
    assertThat(rejected(template, params("q", null)))
        .containsExactly(new ConfigProblem("params.q", "required"));
  }

  @Test
  @DisplayName("a value that is not text, a number or a boolean is refused, and not as missing")
  void refusesOtherTypes() {
    CallTemplate template =
        get("/x")
            .param(required("a", QUERY))
            .param(required("b", QUERY))
            .param(required("c", QUERY))
            .compile();

    assertThat(rejected(template, params("a", Map.of("k", "v"), "b", List.of(1), "c", 'c')))
        .containsExactly(
            new ConfigProblem("params.a", "must be text, a number or a boolean"),
            new ConfigProblem("params.b", "must be text, a number or a boolean"),
            new ConfigProblem("params.c", "must be text, a number or a boolean"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  @DisplayName("a number that has no JSON form is refused")
  void refusesNonFinite(double value) {
    CallTemplate template = get("/x").param(required("n", QUERY)).compile();

    assertThat(rejected(template, Map.of("n", value)))
        .containsExactly(new ConfigProblem("params.n", "must be a finite number"));
    assertThat(rejected(template, Map.of("n", (float) value)))
        .containsExactly(new ConfigProblem("params.n", "must be a finite number"));
  }

  @Test
  @DisplayName("a custom Number whose text is not a JSON number is refused")
  void refusesStrangeNumber() {
    CallTemplate template = get("/x").param(required("n", QUERY)).compile();
    Number strange =
        new AtomicInteger(1) {
          private static final long serialVersionUID = 1L;

          @Override
          public String toString() {
            return "1, \"admin\": true";
          }
        };

    assertThat(rejected(template, Map.of("n", strange)))
        .containsExactly(new ConfigProblem("params.n", "must be a finite number"));
  }

  @Test
  @DisplayName("numbers of every standard type are written in JSON number form")
  void writesNumbers() {
    CallTemplate template =
        get("/x")
            .param(required("a", QUERY))
            .param(required("b", QUERY))
            .param(required("c", QUERY))
            .param(required("d", QUERY))
            .compile();

    OutboundRequest request =
        build(
            template,
            params(
                "a",
                7L,
                "b",
                new BigInteger("123456789012345678901234567890"),
                "c",
                new BigDecimal("1E+3"),
                "d",
                0.25));

    assertThat(request.query())
        .containsExactly(
            new FormField("a", "7"),
            new FormField("b", "123456789012345678901234567890"),
            new FormField("c", "1E+3"),
            new FormField("d", "0.25"));
  }

  @Test
  @DisplayName("three caller mistakes are reported together, and nothing quotes a value")
  void reportsAllMistakes() {
    CallTemplate template =
        get("/cities/[city]")
            .param(required("city", PATH))
            .param(secret("apiKey", QUERY, "s3cr3t"))
            .param(required("units", QUERY))
            .compile();

    CallRejectedException error =
        assertThatExceptionOfType(CallRejectedException.class)
            .isThrownBy(
                () ->
                    build(
                        template,
                        params(
                            "apiKey", "stolen-key-123", "debug", "verbose-mode", "city", "Paris")))
            .actual();

    assertThat(error.problems())
        .containsExactly(
            new ConfigProblem("params.apiKey", "private; its value comes from configuration"),
            new ConfigProblem("params.debug", "not a parameter of shop.order"),
            new ConfigProblem("params.units", "required"));
    assertThat(error.getMessage())
        .doesNotContain("stolen-key-123")
        .doesNotContain("verbose-mode")
        .doesNotContain("s3cr3t");
  }

  @Test
  @DisplayName("an absent public parameter takes its default in the path, query and headers")
  void usesDefaults() {
    CallTemplate template =
        get("/[version]/x")
            .param(withDefault("version", PATH, "v1"))
            .param(withDefault("units", QUERY, "metric"))
            .param(withDefault("Accept-Language", HEADER, "en"))
            .compile();

    OutboundRequest request = build(template, Map.of());

    assertThat(request.uri()).isEqualTo(URI.create("https://api.example.com/v1/x?units=metric"));
    assertThat(request.headers().first("Accept-Language")).contains("en");
  }

  @Test
  @DisplayName("a caller's value replaces the default, and null keeps the default")
  void overridesDefault() {
    CallTemplate template =
        get("/[version]/x")
            .param(withDefault("version", PATH, "v1"))
            .param(withDefault("units", QUERY, "metric"))
            .compile();

    assertThat(build(template, params("version", "v 2", "units", null)).uri())
        .isEqualTo(URI.create("https://api.example.com/v%202/x?units=metric"));
    assertThat(build(template, params("units", "imperial")).uri())
        .isEqualTo(URI.create("https://api.example.com/v1/x?units=imperial"));
  }

  @Test
  @DisplayName("a required parameter with a default takes the default when absent")
  void requiredWithDefault() {
    CallTemplate template =
        get("/x")
            .param(
                new ParamConfig(
                    "units", QUERY, true, Optional.of("metric"), false, Optional.empty()))
            .compile();

    assertThat(build(template, Map.of()).query()).containsExactly(new FormField("units", "metric"));
  }

  @Test
  @DisplayName("the collection's shared parameters apply to every call, and the call's own win")
  void mergesSharedParams() {
    CallTemplate template =
        get("/x")
            .sharedParam(withDefault("lang", QUERY, "en"))
            .sharedParam(secret("appid", QUERY, "key-1"))
            .param(required("q", QUERY))
            .param(withDefault("lang", QUERY, "de"))
            .compile();

    assertThat(build(template, Map.of("q", "rain")).query())
        .containsExactly(
            new FormField("lang", "de"),
            new FormField("appid", "key-1"),
            new FormField("q", "rain"));
  }

  @Test
  @DisplayName("the caller's parameter map may be in any order and of any Map type")
  void acceptsAnyMap() {
    CallTemplate template =
        get("/x").param(required("a", QUERY)).param(required("b", QUERY)).compile();
    Map<String, Object> hashed = new HashMap<>(Map.of("b", "2", "a", "1"));

    assertThat(build(template, hashed).query())
        .containsExactly(new FormField("a", "1"), new FormField("b", "2"));
  }

  @Test
  @DisplayName("null arguments are refused")
  void refusesNulls() {
    CallTemplate template = get("/x").compile();

    assertThatNullPointerException().isThrownBy(() -> template.build(null, Optional.empty()));
    assertThatNullPointerException().isThrownBy(() -> template.build(Map.of(), null));
  }

  @Test
  @DisplayName("one template builds independent requests, call after call")
  void reusable() {
    CallTemplate template =
        post("/users/[id]")
            .param(required("id", PATH))
            .param(required("email", BODY))
            .body(json())
            .compile();

    OutboundRequest first = build(template, params("id", "1", "email", "a@x"));
    OutboundRequest second = build(template, params("id", "2", "email", "b@x"));

    assertThat(first.rawPath()).isEqualTo("/users/1");
    assertThat(first.body().text()).isEqualTo("{\"email\":\"a@x\"}");
    assertThat(second.rawPath()).isEqualTo("/users/2");
    assertThat(second.body().text()).isEqualTo("{\"email\":\"b@x\"}");
  }
}
