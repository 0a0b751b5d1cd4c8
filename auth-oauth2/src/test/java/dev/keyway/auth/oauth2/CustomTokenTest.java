package dev.keyway.auth.oauth2;

import static dev.keyway.auth.oauth2.OAuthKeyway.auth;
import static dev.keyway.auth.oauth2.OAuthKeyway.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.LogCapture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("oauth2-custom-token")
class CustomTokenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OAuthKeyway fixture = new OAuthKeyway();
  private final TokenServer tokens = fixture.tokens;

  @AfterEach
  void close() {
    fixture.close();
  }

  /** Returns the sandbox-style login: X-Login-Key header, JSON {user, pass}, data.token. */
  private Map<String, Object> login(Object... more) {
    fixture.secret("login-pass", tokens.loginPass());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("key", "${secret:login-key}");
    values.put("user", tokens.loginUser());
    values.put("pass", "${secret:login-pass}");
    Map<String, Object> auth =
        auth(
            "oauth2-custom-token",
            "tokenEndpoint",
            tokens.loginUrl(),
            "tokenHeaders",
            Map.of("X-Login-Key", "<key>"),
            "body",
            Map.of("user", "<user>", "pass", "<pass>"),
            "values",
            values,
            "tokenPath",
            "data.token",
            "expiresInPath",
            "data.ttl");
    for (int i = 0; i < more.length; i += 2) {
      auth.put((String) more[i], more[i + 1]);
    }
    return auth;
  }

  @Test
  @DisplayName(
      "posts the JSON body with placeholders filled and the login header, then calls the API")
  void jsonMapBody() throws Exception {
    Keyway keyway = fixture.build(login());

    assertThat(call(keyway).status()).isEqualTo(200);

    TokenServer.Received request = tokens.last();
    assertThat(request.path()).isEqualTo("/oauth/login");
    assertThat(request.header("X-Login-Key")).hasValue(tokens.loginKey);
    assertThat(request.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("user").textValue()).isEqualTo(tokens.loginUser());
    assertThat(body.get("pass").textValue())
        .as("quotes, backslashes and line breaks survive as one JSON string")
        .isEqualTo("lo\"gin\\pa\nss");
    assertThat(fixture.sandbox.lastRequest().header("Authorization"))
        .hasValue("Bearer " + tokens.accessToken());
  }

  @Test
  @DisplayName("a JSON text body keeps its numbers and nesting, and escapes every filled value")
  void jsonTextBody() throws Exception {
    String nasty = "q\"uote \\ back\nline </script> \u2028 ü";
    fixture.secret("nasty", nasty);
    tokens.login(nasty, tokens.loginPass());
    Map<String, Object> auth =
        login(
            "body",
            "{\"user\": \"<user>\", \"pass\": \"<pass>\", \"n\": 1, \"on\": true,"
                + " \"nested\": {\"list\": [\"<user>\", null]}}");
    auth.put(
        "values",
        Map.of(
            "key",
            "${secret:login-key}",
            "user",
            "${secret:nasty}",
            "pass",
            "${secret:login-pass}"));

    assertThat(call(fixture.build(auth)).status()).isEqualTo(200);

    JsonNode body = JSON.readTree(tokens.last().body());
    assertThat(body.get("user").textValue()).isEqualTo(nasty);
    assertThat(body.get("n").isInt()).isTrue();
    assertThat(body.get("on").booleanValue()).isTrue();
    assertThat(body.at("/nested/list/0").textValue()).isEqualTo(nasty);
    assertThat(body.at("/nested/list/1").isNull()).isTrue();
  }

  @Test
  @DisplayName("bodyType form sends the fields form-encoded")
  void formBody() {
    Keyway keyway = fixture.build(login("bodyType", "form"));

    assertThat(call(keyway).status()).isEqualTo(200);

    TokenServer.Received request = tokens.last();
    assertThat(request.header("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
    assertThat(request.fields())
        .containsEntry("user", tokens.loginUser())
        .containsEntry("pass", tokens.loginPass());
  }

  @Test
  @DisplayName("the lifetime at expiresInPath is honoured: no new login before it ends, one after")
  void expiresInPath() {
    tokens.lifetime(120);
    Keyway keyway = fixture.build(login());

    call(keyway);
    fixture.clock.advance(Duration.ofSeconds(50));
    call(keyway);
    assertThat(tokens.requests()).hasSize(1);

    fixture.clock.advance(Duration.ofSeconds(70));
    call(keyway);
    assertThat(tokens.requests()).hasSize(2);
  }

  @Test
  @DisplayName("the token goes in a chosen header with a chosen prefix")
  void headerAndPrefix() {
    Keyway keyway = fixture.build(login("tokenHeader", "Authorization", "tokenPrefix", "Bearer"));

    assertThat(call(keyway).status())
        .as("a one-word prefix written without its space gets it back")
        .isEqualTo(200);
    assertThat(fixture.sandbox.lastRequest().header("Authorization"))
        .hasValue("Bearer " + tokens.accessToken());
  }

  @Test
  @DisplayName("tokenQueryParam sends the token as a query parameter instead of a header")
  void queryParameter() {
    Keyway keyway = fixture.build(login("tokenQueryParam", "access_token"));

    assertThat(call(keyway, "query").status()).isEqualTo(200);

    assertThat(fixture.sandbox.lastRequest().header("Authorization")).isEmpty();
    assertThat(fixture.sandbox.lastRequest().rawQuery())
        .isEqualTo("access_token=" + tokens.accessToken());
  }

  @Test
  @DisplayName("a bad login fails the call; the error names the collection, never the values")
  void badLogin() {
    Keyway keyway = fixture.build(login());
    tokens.login("someone", "else");

    String logs;
    Throwable failure;
    try (LogCapture capture = LogCapture.start()) {
      failure = OAuthKeyway.failure(keyway);
      logs = capture.text();
    }

    assertThat(OAuthKeyway.text(failure))
        .contains("collection api", "401")
        .doesNotContain(tokens.loginKey, "lo\"gin");
    assertThat(logs).doesNotContain(tokens.loginKey);
  }

  @Test
  @DisplayName("an answer without a token at tokenPath fails naming the path, not the answer")
  void missingToken() {
    Keyway keyway = fixture.build(login("tokenPath", "data.jwt"));

    assertThat(OAuthKeyway.text(OAuthKeyway.failure(keyway)))
        .contains("has no token at tokenPath data.jwt")
        .doesNotContain(tokens.accessToken());
  }

  @Test
  @DisplayName("a placeholder without a value and a value without a placeholder are refused")
  void placeholdersAndValues() {
    Map<String, Object> auth = login("body", Map.of("user", "<user>", "pass", "<password>"));

    assertThat(fixture.problems(auth))
        .containsExactlyInAnyOrder(
            "collections.api.auth.body.pass: placeholder <password> has no value: add password to"
                + " collections.api.auth.values",
            "collections.api.auth.values.pass: not used: write <pass> in the body or a token"
                + " header, or remove it");
  }

  @Test
  @DisplayName("tokenHeader with tokenQueryParam, a bad bodyType and a bad tokenPath are refused")
  void conflictingSettings() {
    List<String> problems =
        fixture.problems(
            login(
                "tokenHeader",
                "X-Token",
                "tokenQueryParam",
                "token",
                "bodyType",
                "xml",
                "tokenPath",
                "data..token"));

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "collections.api.auth.tokenQueryParam: the token goes either in a header or in the"
                + " query: set tokenHeader or tokenQueryParam, not both",
            "collections.api.auth.bodyType: expected json or form",
            "collections.api.auth.tokenPath: expected a dot path such as data.token");
  }

  @Test
  @DisplayName("invalid JSON text is refused with its position, without quoting the text")
  void invalidJson() {
    fixture.secret("json-secret", "sekrit-in-json");
    Map<String, Object> auth =
        login("body", "{\"user\": \"<user>\", \"pass\": <pass>, \"k\": \"<key>\"}");
    auth.put("tokenHeaders", Map.of("X-Other", "${secret:json-secret}"));

    List<String> problems = fixture.problems(auth);

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("collections.api.auth.body: not valid JSON (line 1, column ")
        .doesNotContain("<pass>", "sekrit");
  }

  @Test
  @DisplayName(
      "a form body written as text, no tokenEndpoint, a reserved header, a prefix for a query are refused")
  void moreProblems() {
    Map<String, Object> auth = login("bodyType", "form", "body", "user=<user>");
    auth.remove("tokenEndpoint");
    auth.put("tokenHeaders", Map.of("Host", "evil.example", "X-Login-Key", "<key>"));
    auth.put("tokenQueryParam", "token");
    auth.put("tokenPrefix", "Bearer");

    assertThat(fixture.problems(auth))
        .contains(
            "collections.api.auth.tokenEndpoint: required",
            "collections.api.auth.tokenHeaders.Host: Keyway sets this header itself; it cannot be"
                + " configured",
            "collections.api.auth.tokenPrefix: not used with tokenQueryParam: the token is sent as"
                + " it is")
        .anySatisfy(
            p -> assertThat(p).startsWith("collections.api.auth.body: with bodyType form, write"));
  }

  @Test
  @DisplayName("dev and live values: each environment sends its own private value")
  void environmentValues() throws Exception {
    Map<String, Object> auth = login();
    auth.put(
        "values",
        Map.of(
            "key",
            "${secret:login-key}",
            "user",
            tokens.loginUser(),
            "pass",
            Map.of("dev", "${secret:login-pass}", "live", "the-live-pass")));

    assertThat(call(fixture.build(auth, "dev")).status()).isEqualTo(200);
    Throwable live = OAuthKeyway.failure(fixture.build(auth, "live"));

    assertThat(JSON.readTree(tokens.last().body()).get("pass").textValue())
        .isEqualTo("the-live-pass");
    assertThat(OAuthKeyway.text(live)).contains("401").doesNotContain("the-live-pass");
  }

  @Test
  @DisplayName("no value appears in toString of the method, Keyway or its config")
  void toStrings() {
    Keyway keyway = fixture.build(login());
    call(keyway);

    assertThat(
            String.join(
                " ",
                keyway.toString(),
                keyway.config().toString(),
                keyway.authMethod("api").toString()))
        .doesNotContain(tokens.loginKey, tokens.loginPass(), tokens.accessToken());
  }
}
