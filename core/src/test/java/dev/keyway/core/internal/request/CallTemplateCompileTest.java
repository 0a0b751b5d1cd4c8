package dev.keyway.core.internal.request;

import static dev.keyway.core.config.ParamConfig.Location.BODY;
import static dev.keyway.core.config.ParamConfig.Location.HEADER;
import static dev.keyway.core.config.ParamConfig.Location.PATH;
import static dev.keyway.core.config.ParamConfig.Location.QUERY;
import static dev.keyway.core.internal.request.CallFixture.form;
import static dev.keyway.core.internal.request.CallFixture.get;
import static dev.keyway.core.internal.request.CallFixture.json;
import static dev.keyway.core.internal.request.CallFixture.optional;
import static dev.keyway.core.internal.request.CallFixture.post;
import static dev.keyway.core.internal.request.CallFixture.raw;
import static dev.keyway.core.internal.request.CallFixture.required;
import static dev.keyway.core.internal.request.CallFixture.secret;
import static dev.keyway.core.internal.request.CallFixture.withDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.ParamConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CallTemplate.compile refuses a call that does not fit its collection")
class CallTemplateCompileTest {

  private static final String CALL = "collections.shop.calls.order";

  private static ConfigProblem problem(String path, String message) {
    return new ConfigProblem(path, message);
  }

  @Test
  @DisplayName("a [name] in the path that is not declared")
  void undeclaredPathName() {
    assertThat(get("/cities/[city]").problems())
        .containsExactly(
            problem(
                CALL + ".path", "[city] is not a declared parameter: declare it with in: path"));
  }

  @Test
  @DisplayName("a [name] in the path that is declared somewhere else than the path")
  void pathNameInQuery() {
    assertThat(get("/cities/[city]").param(required("city", QUERY)).problems())
        .containsExactly(
            problem(
                CALL + ".path",
                "[city] is declared in: query; only in: path parameters go in the path"));
  }

  @Test
  @DisplayName("a path parameter that the path does not use")
  void unusedPathParam() {
    assertThat(get("/cities").param(required("city", PATH)).problems())
        .containsExactly(
            problem(
                CALL + ".params.city",
                "is in: path but the path of call order has no [city]: add it to the path or"
                    + " declare the parameter elsewhere"));
  }

  @Test
  @DisplayName("a shared path parameter that this call's path does not use, at its shared path")
  void unusedSharedPathParam() {
    assertThat(get("/cities").sharedParam(required("tenant", PATH)).problems())
        .containsExactly(
            problem(
                "collections.shop.params.tenant",
                "is in: path but the path of call order has no [tenant]: add it to the path or"
                    + " declare the parameter elsewhere"));
  }

  @Test
  @DisplayName("a shared path parameter used by the path is fine")
  void sharedPathParam() {
    CallTemplate template = get("/t/[tenant]/x").sharedParam(required("tenant", PATH)).compile();

    assertThat(template.build(Map.of("tenant", "acme"), Optional.empty()).rawPath())
        .isEqualTo("/t/acme/x");
  }

  @Test
  @DisplayName("a path parameter used twice")
  void duplicatePathName() {
    assertThat(get("/[id]/[id]").param(required("id", PATH)).problems())
        .containsExactly(problem(CALL + ".path", "[id] appears more than once"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/a/[id", "/a/id]", "/a/[[id]]", "/a/[i[d]]", "/a/]id["})
  @DisplayName("unbalanced brackets in the path")
  void unbalanced(String path) {
    assertThat(get(path).param(required("id", PATH)).problems())
        .containsExactly(
            problem(CALL + ".path", "unbalanced '[' or ']': write each path parameter as [name]"));
  }

  @Test
  @DisplayName("empty brackets in the path")
  void emptyBrackets() {
    assertThat(get("/a/[]").problems())
        .containsExactly(problem(CALL + ".path", "[] names no parameter: write [name]"));
  }

  @Test
  @DisplayName("a path parameter needs no required: true (SPEC's own examples leave it out)")
  void pathParamWithoutRequired() {
    CallTemplate template = get("/a/[id]").param(optional("id", PATH)).compile();
    assertThat(template.build(Map.of("id", "7"), Optional.empty()).rawPath()).isEqualTo("/a/7");
    assertThatThrownBy(() -> template.build(Map.of(), Optional.empty()))
        .isInstanceOf(CallRejectedException.class)
        .hasMessage("call refused: params.id: required");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/a?b=1|contains '?': put fixed query values under query, not in the path",
        "/a#top|contains '#': a fragment is never sent to an API",
        "/a b|contains a space: write it as %20",
        "/a/../admin|contains a '.' or '..' segment: write the path without it",
        "/a/./b|contains a '.' or '..' segment: write the path without it",
        "/a/%2e%2E/b|contains a '.' or '..' segment: write the path without it",
        "/a/..|contains a '.' or '..' segment: write the path without it",
        "/100%|contains a '%' that does not start a %XX escape: write it as %25",
        "/a%zz|contains a '%' that does not start a %XX escape: write it as %25",
        "/café|contains a character that a URL path cannot hold as it is: percent-encode it (UTF-8)",
        "/a\"b|contains a character that a URL path cannot hold as it is: percent-encode it (UTF-8)",
        "/a\\b|contains a character that a URL path cannot hold as it is: percent-encode it (UTF-8)",
      })
  @DisplayName("fixed path text that is not safe URL path text")
  void badLiteralPath(String path, String message) {
    assertThat(get(path).problems()).containsExactly(problem(CALL + ".path", message));
  }

  @Test
  @DisplayName("fixed path text that is valid URL path text is sent as written")
  void literalPathAsWritten() {
    CallTemplate template = get("/a/b%20c/d;v=1/@me/x:y/~u/.well-known/").compile();

    assertThat(template.build(Map.of(), Optional.empty()).rawPath())
        .isEqualTo("/a/b%20c/d;v=1/@me/x:y/~u/.well-known/");
  }

  @Test
  @DisplayName("a '..' segment next to a path parameter")
  void dotsBesideParam() {
    assertThat(get("/[id]/../x").param(required("id", PATH)).problems())
        .containsExactly(
            problem(CALL + ".path", "contains a '.' or '..' segment: write the path without it"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://files.example.com|must start with https:// (or http://)",
        "api.example.com/v1|must start with https:// (or http://)",
        "https:/no-host|must name a host, e.g. https://api.example.com",
        "https://user:pw@api.example.com|cannot hold a user name or password; configure auth instead",
        "https://api.example.com/?k=v|cannot hold a query or a fragment; put fixed query values on the"
            + " calls",
        "https://api.example.com/#f|cannot hold a query or a fragment; put fixed query values on the"
            + " calls",
        "https://api.example.com/v1/../admin|the path contains a '.' or '..' segment: write the path"
            + " without it",
      })
  @DisplayName("a base URL that cannot be an origin and prefix")
  void badBaseUrl(String baseUrl, String message) {
    assertThat(get("/x").baseUrl(baseUrl).problems())
        .containsExactly(problem("collections.shop.baseUrl", message));
  }

  @Test
  @DisplayName("the password of a base URL is never quoted")
  void baseUrlPasswordNotQuoted() {
    InvalidConfigException error =
        assertThatExceptionOfType(InvalidConfigException.class)
            .isThrownBy(get("/x").baseUrl("https://user:hunter22@api.example.com")::compile)
            .actual();

    assertThat(error.getMessage()).doesNotContain("hunter22");
  }

  @Test
  @DisplayName("a method that is not an HTTP token")
  void badMethod() {
    assertThat(get("/x").method("GE T").problems())
        .containsExactly(problem(CALL + ".method", "expected an HTTP method such as GET or POST"));
  }

  @Test
  @DisplayName("configured headers with a bad name or a line break, never quoting the value")
  void badStaticHeaders() {
    List<ConfigProblem> problems =
        get("/x")
            .sharedHeader("X-Bad Name", "v")
            .sharedHeader("X-Shared", "secret-one\r\nX-Admin: 1")
            .header("X-Call", "secret-two\n")
            .problems();

    assertThat(problems)
        .containsExactly(
            problem(
                "collections.shop.headers.X-Bad Name",
                "not a valid header name (letters, digits and !#$%&'*+-.^_`|~)"),
            problem(
                "collections.shop.headers.X-Shared",
                "a header value cannot contain line breaks or control characters"),
            problem(
                CALL + ".headers.X-Call",
                "a header value cannot contain line breaks or control characters"));
    assertThat(problems.toString()).doesNotContain("secret-one").doesNotContain("secret-two");
  }

  @Test
  @DisplayName("a header parameter whose name is not a header name")
  void badHeaderParamName() {
    assertThat(get("/x").param(required("x header", HEADER)).problems())
        .containsExactly(
            problem(
                CALL + ".params.x header",
                "not a valid header name (letters, digits and !#$%&'*+-.^_`|~)"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Host", "content-length", "Transfer-Encoding", "Connection", "Upgrade"})
  @DisplayName("a header parameter or configured header that the client sets itself")
  void reservedHeaders(String name) {
    String message =
        "Keyway sets this header itself from the URL and the body; it cannot be configured";

    assertThat(get("/x").param(required(name, HEADER)).problems())
        .containsExactly(problem(CALL + ".params." + name, message));
    assertThat(get("/x").header(name, "v").problems())
        .containsExactly(problem(CALL + ".headers." + name, message));
    assertThat(get("/x").sharedHeader(name, "v").problems())
        .containsExactly(problem("collections.shop.headers." + name, message));
  }

  @Test
  @DisplayName("a private parameter without a value")
  void privateWithoutValue() {
    ParamConfig param =
        new ParamConfig("key", QUERY, false, Optional.empty(), true, Optional.empty());

    assertThat(get("/x").param(param).problems())
        .containsExactly(problem(CALL + ".params.key.value", "required for a private parameter"));
  }

  @Test
  @DisplayName("a private path value that cannot be one segment, never quoted")
  void badPrivatePathValue() {
    List<ConfigProblem> problems =
        get("/t/[tenant]").param(secret("tenant", PATH, "acme/../secret-tenant")).problems();

    assertThat(problems)
        .containsExactly(problem(CALL + ".params.tenant.value", PathSegments.SEPARATOR));
    assertThat(problems.toString()).doesNotContain("secret-tenant");
  }

  @Test
  @DisplayName("a path default that cannot be one segment")
  void badPathDefault() {
    assertThat(get("/v/[version]").param(withDefault("version", PATH, "..")).problems())
        .containsExactly(problem(CALL + ".params.version.default", PathSegments.DOT_SEGMENT));
  }

  @Test
  @DisplayName("a private path value is encoded once and sent")
  void privatePathValue() {
    CallTemplate template = get("/t/[tenant]").param(secret("tenant", PATH, "a b")).compile();

    assertThat(template.build(Map.of(), Optional.empty()).rawPath()).isEqualTo("/t/a%20b");
  }

  @Test
  @DisplayName("a private or default header value with a line break, never quoted")
  void badHeaderFallbacks() {
    List<ConfigProblem> problems =
        get("/x")
            .param(secret("X-Key", HEADER, "secret-key\r\n"))
            .param(withDefault("X-Mode", HEADER, "a\nb"))
            .problems();

    assertThat(problems)
        .containsExactly(
            problem(CALL + ".params.X-Key.value", ParamSet.HEADER_VALUE),
            problem(CALL + ".params.X-Mode.default", ParamSet.HEADER_VALUE));
    assertThat(problems.toString()).doesNotContain("secret-key");
  }

  @Test
  @DisplayName("a body parameter on a call without a body, at the path it was declared")
  void bodyParamWithoutBody() {
    String message =
        "goes in the body, but call order has no body: set its body type, or put the parameter in"
            + " the path, the query or a header";

    assertThat(get("/x").sharedParam(required("a", BODY)).param(required("b", BODY)).problems())
        .containsExactly(
            problem("collections.shop.params.a", message), problem(CALL + ".params.b", message));
  }

  @Test
  @DisplayName("a body parameter missing from a JSON template")
  void bodyParamMissingFromJsonTemplate() {
    assertThat(
            post("/x")
                .body(json("{\"a\": \"<a>\"}"))
                .param(required("a", BODY))
                .param(required("b", BODY))
                .problems())
        .containsExactly(
            problem(
                CALL + ".params.b",
                "is in: body but the body template of call order has no <b>: add it to the"
                    + " template"));
  }

  @Test
  @DisplayName("a body parameter missing from a raw template")
  void bodyParamMissingFromRawTemplate() {
    assertThat(
            post("/x").body(raw("<x/>", "application/xml")).param(required("b", BODY)).problems())
        .containsExactly(
            problem(
                CALL + ".params.b",
                "is in: body but the body template of call order has no <b>: add it to the"
                    + " template"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"a\": <a>,}",
        "{<a>: 1}",
        "{\"a\": <a>} trailing",
        "{'a': <a>}",
        "{\"a\": \"<a>}",
        "{\"a\": \"\\q<a>\"}",
      })
  @DisplayName("a JSON template that is not JSON once filled in")
  void invalidJsonTemplate(String template) {
    List<ConfigProblem> problems =
        post("/x").body(json(template)).param(required("a", BODY)).problems();

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo(CALL + ".body.template");
    assertThat(problems.get(0).message())
        .startsWith("not valid JSON once its placeholders are filled in: ")
        .containsPattern("\\(line \\d+, column \\d+\\)$");
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"", "  \n"})
  @DisplayName("an empty JSON template")
  void emptyJsonTemplate(String template) {
    assertThat(post("/x").body(json(template)).problems())
        .containsExactly(problem(CALL + ".body.template", "empty: write a JSON template"));
  }

  @Test
  @DisplayName("a JSON template that is valid JSON but not an object is accepted")
  void jsonArrayTemplate() {
    CallTemplate template =
        post("/x").body(json("[<a>, \"<a>\"]")).param(required("a", BODY)).compile();

    assertThat(template.build(Map.of("a", 1), Optional.empty()).body().text())
        .isEqualTo("[1, \"1\"]");
  }

  @Test
  @DisplayName("a raw body without a template or a content type")
  void rawWithoutTemplateOrType() {
    BodyConfig body = new BodyConfig(BodyConfig.Type.RAW, Optional.empty(), Optional.empty());

    assertThat(post("/x").body(body).problems())
        .containsExactly(
            problem(CALL + ".body.contentType", "required for a raw body"),
            problem(CALL + ".body.template", "required for a raw body"));
  }

  @Test
  @DisplayName("a template on a form or none body")
  void templateOnForm() {
    BodyConfig formBody =
        new BodyConfig(BodyConfig.Type.FORM, Optional.of("a=<a>"), Optional.empty());
    BodyConfig noBody = new BodyConfig(BodyConfig.Type.NONE, Optional.of("x"), Optional.empty());
    String message = "only a json or raw body has a template; set type: json or raw";

    assertThat(post("/x").body(formBody).problems())
        .containsExactly(problem(CALL + ".body.template", message));
    assertThat(post("/x").body(noBody).problems())
        .containsExactly(problem(CALL + ".body.template", message));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NONE|text/plain|a body of type none has no content type; set a type",
        "JSON|application/vnd.api+json|a json body is sent as application/json; use type: raw to send"
            + " another content type",
        "FORM|multipart/form-data|a form body is sent as application/x-www-form-urlencoded; use type:"
            + " raw to send another content type",
        "RAW|' '|expected a media type such as application/xml",
        "RAW|'text/plain\r\nX: 1'|expected a media type such as application/xml",
      })
  @DisplayName("a content type that does not fit the body")
  void badContentType(BodyConfig.Type type, String contentType, String message) {
    BodyConfig body =
        new BodyConfig(
            type,
            type == BodyConfig.Type.RAW ? Optional.of("x") : Optional.empty(),
            Optional.of(contentType));

    assertThat(post("/x").body(body).problems())
        .containsExactly(problem(CALL + ".body.contentType", message));
  }

  @Test
  @DisplayName("a content type matching a JSON or form body is accepted")
  void matchingContentType() {
    BodyConfig jsonBody =
        new BodyConfig(
            BodyConfig.Type.JSON, Optional.empty(), Optional.of("Application/JSON; charset=utf-8"));
    BodyConfig formBody =
        new BodyConfig(
            BodyConfig.Type.FORM,
            Optional.empty(),
            Optional.of("application/x-www-form-urlencoded"));

    assertThat(post("/x").body(jsonBody).compile().callId()).isEqualTo("order");
    assertThat(post("/x").body(formBody).compile().callId()).isEqualTo("order");
  }

  @Test
  @DisplayName("every problem of a call is reported at once")
  void reportsAllProblems() {
    List<ConfigProblem> problems =
        get("/a/[undeclared]/[b")
            .method("G T")
            .baseUrl("ftp://x")
            .param(optional("unused", PATH))
            .param(required("field", BODY))
            .header("X-H", "bad\n")
            .problems();

    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactly(
            CALL + ".method",
            "collections.shop.baseUrl",
            CALL + ".params.field",
            CALL + ".path",
            CALL + ".headers.X-H");
  }

  @Test
  @DisplayName("a form body and optional parameters elsewhere compile")
  void validConfig() {
    CallTemplate template =
        post("/x")
            .body(form())
            .param(required("a", BODY))
            .param(optional("q", QUERY))
            .param(optional("X-H", HEADER))
            .compile();

    assertThat(template.collectionId()).isEqualTo("shop");
  }
}
