package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ConfigLoader reports every problem with its path")
class ConfigLoaderProblemsTest {

  private static List<String> problemsOf(String yaml) {
    return problems(() -> ConfigLoader.create().withEnvironmentVariables(name -> null).parse(yaml));
  }

  /** Returns a configuration of collection {@code api} with {@code calls} indented below it. */
  private static String collection(String extra, String calls) {
    return """
        collections:
          api:
            baseUrl: https://api.example
            auth: { type: none }
        %s
            calls:%s
        """
        .formatted(indent(extra, 4), calls.isEmpty() ? " {}" : "\n" + indent(calls, 6));
  }

  private static String call(String fields) {
    return collection("", "one:\n  path: /v1\n" + indent(fields, 2));
  }

  private static String indent(String text, int spaces) {
    return text.isEmpty() ? "" : text.indent(spaces).stripTrailing();
  }

  @Test
  @DisplayName("reports three mistakes in different places together, each with its exact path")
  void threeMistakes() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: ftp://api.stripe.com
            auth: { type: header-key, key: abc }
            calls:
              createCustomer:
                method: POST
                path: /v1/customers
                params:
                  email: { in: cookie }
          weather:
            baseUrl: https://api.weather.example
            auth: { type: query-key }
            timeouts: { connect: soon }
            calls: {}
        """;
    assertThat(problemsOf(yaml))
        .containsExactly(
            "collections.stripe.baseUrl: expected an absolute http or https URL such as"
                + " https://api.example.com",
            "collections.stripe.calls.createCustomer.params.email.in: expected one of path, query,"
                + " header, body",
            "collections.weather.timeouts.connect: expected a duration greater than zero, such as"
                + " 500ms, 5s or 2m");
  }

  @Test
  @DisplayName("reports an unknown top-level setting")
  void unknownTopLevel() {
    assertThat(problemsOf("colections: {}\ncollections: {}\n"))
        .containsExactly(
            "colections: unknown setting; expected one of environment, strictEnvironments,"
                + " publicUrl, callers, server, store, collections");
  }

  @Test
  @DisplayName("reports an unknown collection setting")
  void unknownCollectionSetting() {
    assertThat(problemsOf(collection("tls: {}\nretry: 3", "")))
        .containsExactly(
            "collections.api.retry: unknown setting; expected one of baseUrl, auth, headers,"
                + " params, timeouts, calls, tls, defaultTokenLifetime, authFailureStatuses");
  }

  @Test
  @DisplayName("reports an unknown call setting")
  void unknownCallSetting() {
    assertThat(problemsOf(call("verb: GET")))
        .containsExactly(
            "collections.api.calls.one.verb: unknown setting; expected one of method, path, query,"
                + " headers, body, params, public, check");
  }

  @Test
  @DisplayName("reports an unknown parameter setting")
  void unknownParamSetting() {
    assertThat(problemsOf(call("params: { q: { in: query, optional: true } }")))
        .containsExactly(
            "collections.api.calls.one.params.q.optional: unknown setting; expected one of in,"
                + " required, default, private, value");
  }

  @Test
  @DisplayName("reports an unknown body setting")
  void unknownBodySetting() {
    assertThat(problemsOf(call("body: { type: json, encoding: utf8 }")))
        .containsExactly(
            "collections.api.calls.one.body.encoding: unknown setting; expected one of type,"
                + " template, contentType");
  }

  @Test
  @DisplayName("reports an unknown timeout")
  void unknownTimeout() {
    assertThat(problemsOf(collection("timeouts: { read: 5s }", "")))
        .containsExactly(
            "collections.api.timeouts.read: unknown setting; expected one of connect, response");
  }

  @Test
  @DisplayName("reports a bad body type")
  void badBodyType() {
    assertThat(problemsOf(call("body: { type: xml }")))
        .containsExactly(
            "collections.api.calls.one.body.type: expected one of none, json, form, raw");
  }

  @Test
  @DisplayName("reports a missing parameter location")
  void missingIn() {
    assertThat(problemsOf(call("params: { q: { required: true } }")))
        .containsExactly("collections.api.calls.one.params.q.in: required");
  }

  @Test
  @DisplayName("reports a private parameter without a value")
  void privateWithoutValue() {
    assertThat(problemsOf(call("params: { q: { in: query, private: true } }")))
        .containsExactly("collections.api.calls.one.params.q.value: required");
  }

  @Test
  @DisplayName("reports a value on a parameter that is not private")
  void valueWithoutPrivate() {
    assertThat(problemsOf(call("params: { q: { in: query, value: fixed } }")))
        .containsExactly(
            "collections.api.calls.one.params.q.value: only a private parameter has a value (set"
                + " private: true); callers pass the value of a public one");
  }

  @Test
  @DisplayName("reports a header parameter whose default contains a line break")
  void headerParamDefaultWithLineBreak() {
    assertThat(problemsOf(call("params: { h: { in: header, default: \"a\\nb\" } }")))
        .containsExactly(
            "collections.api.calls.one.params.h.default: the value contains a line break or"
                + " another control character");
  }

  @Test
  @DisplayName("reports a bad parameter name and a parameter that is not a map")
  void badParamNameAndShape() {
    assertThat(problemsOf(call("params: { 'a b': { in: query }, c: query }")))
        .containsExactly(
            "collections.api.calls.one.params.a b: not a valid parameter name; use letters,"
                + " digits, _ . -",
            "collections.api.calls.one.params.c: expected a map");
  }

  @Test
  @DisplayName("reports bad shared parameters of a collection")
  void badSharedParams() {
    assertThat(problemsOf(collection("params: { key: { in: cookie } }", "")))
        .containsExactly(
            "collections.api.params.key.in: expected one of path, query, header, body");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "required: yes | params: { q: { in: query, required: yes } } | params.q.required",
        "private: 1 | params: { q: { in: query, private: 1 } } | params.q.private",
        "public: no | public: no | public",
      })
  @DisplayName("accepts only true or false as a flag")
  void badFlags(String name, String fields, String path) {
    assertThat(problemsOf(call(fields)))
        .containsExactly("collections.api.calls.one." + path + ": expected true or false");
  }

  @Test
  @DisplayName("reports a template on a body that has none")
  void templateOnFormBody() {
    assertThat(problemsOf(call("body: { type: form, template: x }")))
        .containsExactly(
            "collections.api.calls.one.body.template: only a json or raw body has a template; set"
                + " type: json or raw");
  }

  @Test
  @DisplayName("reports a template without a body type, which defaults to none")
  void templateWithoutType() {
    assertThat(problemsOf(call("body: { template: x }")))
        .containsExactly(
            "collections.api.calls.one.body.template: only a json or raw body has a template; set"
                + " type: json or raw");
  }

  @Test
  @DisplayName("reports a raw body without a content type")
  void rawWithoutContentType() {
    assertThat(problemsOf(call("body: { type: raw, template: x }")))
        .containsExactly("collections.api.calls.one.body.contentType: required for a raw body");
  }

  @Test
  @DisplayName("reports a content type on a body of type none, and a bad content type")
  void contentTypeProblems() {
    assertThat(problemsOf(call("body: { contentType: text/plain }")))
        .containsExactly(
            "collections.api.calls.one.body.contentType: a body of type none has no content type;"
                + " set a type");
    assertThat(problemsOf(call("body: { type: json, contentType: ' ' }")))
        .containsExactly(
            "collections.api.calls.one.body.contentType: expected a media type such as"
                + " application/xml");
  }

  @Test
  @DisplayName("reports a body that is not a map")
  void bodyNotAMap() {
    assertThat(problemsOf(call("body: json")))
        .containsExactly("collections.api.calls.one.body: expected a map");
  }

  @Test
  @DisplayName("reports a bad method and a path that does not start with /")
  void badMethodAndPath() {
    assertThat(problemsOf(collection("", "one: { method: 'GET /x', path: v1/items }")))
        .containsExactly(
            "collections.api.calls.one.method: expected an HTTP method such as GET or POST",
            "collections.api.calls.one.path: must start with /");
  }

  @Test
  @DisplayName("reports a call without a path")
  void missingPath() {
    assertThat(problemsOf(collection("", "one: { method: GET }")))
        .containsExactly("collections.api.calls.one.path: required");
  }

  @Test
  @DisplayName("reports bad collection and call ids")
  void badIds() {
    String yaml =
        """
        collections:
          "my api":
            baseUrl: https://api.example
            auth: { type: none }
            calls:
              "get/items": { path: /items }
        """;
    assertThat(problemsOf(yaml))
        .containsExactly(
            "collections.my api: not a valid collection id; use letters, digits, _ and -",
            "collections.my api.calls.get/items: not a valid call id; use letters, digits, _ and"
                + " -");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "api.example | expected an absolute http or https URL such as https://api.example.com",
        "/v1 | expected an absolute http or https URL such as https://api.example.com",
        "ftp://api.example | expected an absolute http or https URL such as"
            + " https://api.example.com",
        "https://user:pw@api.example | must not contain a user name or password; configure them"
            + " in auth",
        "https://api.example/v1?key=1 | must not contain a query (?...); put query values in a"
            + " call's query or params",
        "https://api.example/#top | must not contain a fragment (#...)",
        "https://api_example.com | has no valid host name",
        "https://api.example/a b | not a valid URL; expected e.g. https://api.example.com",
        "'' | expected an absolute http or https URL such as https://api.example.com",
      })
  @DisplayName("refuses a base URL that is not an absolute http(s) URL of a host")
  void badBaseUrls(String baseUrl, String message) {
    String yaml =
        """
        collections:
          api:
            baseUrl: "%s"
            auth: { type: none }
            calls: {}
        """
            .formatted(baseUrl);
    assertThat(problemsOf(yaml)).containsExactly("collections.api.baseUrl: " + message);
  }

  @Test
  @DisplayName("reports missing collections, and a collection without baseUrl, auth and calls")
  void missingRequired() {
    assertThat(problemsOf("environment: dev\n")).containsExactly("collections: required");
    assertThat(problemsOf("collections:\n  api: { headers: {} }\n"))
        .containsExactly(
            "collections.api.baseUrl: required",
            "collections.api.auth: required",
            "collections.api.calls: required");
  }

  @Test
  @DisplayName("reports an auth block without a type, and one that is not a map")
  void badAuth() {
    String noType =
        """
        collections:
          api: { baseUrl: "https://api.example", auth: { key: abc }, calls: {} }
          other: { baseUrl: "https://api.example", auth: none, calls: {} }
          blank: { baseUrl: "https://api.example", auth: { type: " " }, calls: {} }
        """;
    assertThat(problemsOf(noType))
        .containsExactly(
            "collections.api.auth.type: required",
            "collections.other.auth: expected a map",
            "collections.blank.auth.type: required");
  }

  @Test
  @DisplayName("reports a list inside an auth list")
  void nestedAuthList() {
    String yaml =
        """
        collections:
          api: { baseUrl: "https://api.example", auth: { type: x, scopes: [a, [b]] }, calls: {} }
        """;
    assertThat(problemsOf(yaml))
        .containsExactly("collections.api.auth.scopes[1]: expected a list of single values");
  }

  @Test
  @DisplayName("reports sections that are not maps")
  void sectionsNotMaps() {
    assertThat(problemsOf("collections: [a]\n")).containsExactly("collections: expected a map");
    assertThat(problemsOf(collection("headers: [a]\nparams: x\ntimeouts: 5s", "")))
        .containsExactly(
            "collections.api.headers: expected a map",
            "collections.api.params: expected a map",
            "collections.api.timeouts: expected a map");
  }

  @Test
  @DisplayName("reports a list or a map where a single value is expected")
  void containerWhereValueExpected() {
    assertThat(problemsOf(call("method: [GET, POST]\nquery: { a: { b: c } }")))
        .containsExactly(
            "collections.api.calls.one.method: expected a single value, not a list",
            "collections.api.calls.one.query.a: expected a single value, not a map (write {dev:"
                + " ..., live: ...} for a value that differs per environment)");
  }

  @Test
  @DisplayName("reports a bad header name, a header without a value, and a zero timeout")
  void headerAndTimeoutProblems() {
    assertThat(
            problemsOf(
                collection(
                    "headers: { 'Bad Name': x, X-Empty: ~ }\ntimeouts: { response: 0s }", "")))
        .containsExactly(
            "collections.api.headers.Bad Name: not a valid header name (use letters, digits and"
                + " !#$%&'*+-.^_`|~)",
            "collections.api.headers.X-Empty: expected a value",
            "collections.api.timeouts.response: expected a duration greater than zero, such as"
                + " 500ms, 5s or 2m");
  }

  @Test
  @DisplayName("reports a query parameter with a blank name")
  void blankQueryName() {
    assertThat(problemsOf(call("query: { ' ': x }")))
        .containsExactly("collections.api.calls.one.query. : a query parameter needs a name");
  }

  @Test
  @DisplayName("never quotes an invalid header value, which may be a secret")
  void headerValueNotQuoted() {
    String message =
        problems(
                () ->
                    ConfigLoader.create()
                        .withSecrets(
                            SecretSource.of(java.util.Map.of("token", "CANARY-123\r\nX-Evil: 1")))
                        .parse(collection("headers: { Authorization: \"${secret:token}\" }", "")))
            .get(0);
    assertThat(message)
        .isEqualTo(
            "collections.api.headers.Authorization: the value contains a line break or another"
                + " control character")
        .doesNotContain("CANARY");
  }
}
