package dev.keyway.testkit;

import static dev.keyway.testkit.LoopbackClient.get;
import static dev.keyway.testkit.LoopbackClient.request;
import static dev.keyway.testkit.LoopbackClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Sandbox realms")
class SandboxRealmTest {

  private static final String OK_HEADER_KEY = "{\"ok\":true,\"realm\":\"header-key\"}";
  private static final String UNAUTHORIZED = "{\"error\":\"unauthorized\"}";

  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  private static HttpResponse<String> post(
      Sandbox sandbox, String path, String contentType, String body) {
    return send(
        request(sandbox, path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Nested
  @DisplayName("header-key")
  class HeaderKey {

    private HttpResponse<String> withHeader(String name, String value) {
      return send(request(sandbox, "/header-key/things").header(name, value).build());
    }

    @Test
    @DisplayName("accepts the key in its header, under any path below /header-key")
    void accepts() {
      HttpResponse<String> response = withHeader("X-Api-Key", sandbox.headerKey());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(OK_HEADER_KEY);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(
              send(request(sandbox, "/header-key").header("x-api-key", sandbox.headerKey()).build())
                  .statusCode())
          .isEqualTo(200);
    }

    @Test
    @DisplayName("refuses a wrong, differently cased, prefixed or missing key with 401")
    void refuses() {
      assertRefused(withHeader("X-Api-Key", sandbox.headerKey() + "x"));
      assertRefused(withHeader("X-Api-Key", sandbox.headerKey().substring(1)));
      assertRefused(withHeader("X-Api-Key", sandbox.headerKey().toUpperCase()));
      assertRefused(withHeader("X-Api-Key", "Bearer " + sandbox.headerKey()));
      assertRefused(withHeader("X-Other", sandbox.headerKey()));
      assertRefused(get(sandbox, "/header-key/things"));
      assertThat(withHeader("X-Api-Key", "wrong").headers().firstValue("WWW-Authenticate"))
          .contains("ApiKey realm=\"sandbox\", header=\"X-Api-Key\"");
    }

    @Test
    @DisplayName("refuses the key sent twice")
    void refusesTwice() {
      assertRefused(
          send(
              request(sandbox, "/header-key/things")
                  .header("X-Api-Key", sandbox.headerKey())
                  .header("X-Api-Key", sandbox.headerKey())
                  .build()));
    }

    @Test
    @DisplayName("accepts the key plain or as a Bearer token when the header is Authorization")
    void authorization() {
      try (Sandbox bearer = Sandbox.builder().headerKey("Authorization", "tok-123").start()) {
        HttpResponse<String> plain =
            send(request(bearer, "/header-key/x").header("Authorization", "tok-123").build());
        HttpResponse<String> prefixed =
            send(
                request(bearer, "/header-key/x").header("Authorization", "Bearer tok-123").build());
        HttpResponse<String> wrong =
            send(
                request(bearer, "/header-key/x").header("Authorization", "Bearer tok-124").build());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(prefixed.statusCode()).isEqualTo(200);
        assertRefused(wrong);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
            .contains("Bearer realm=\"sandbox\"");
        assertThat(bearer.headerKeyName()).isEqualTo("Authorization");
        assertThat(bearer.headerKey()).isEqualTo("tok-123");
      }
    }

    @Test
    @DisplayName("checks a chosen header with a random key when only the name is given")
    void chosenName() {
      try (Sandbox custom = Sandbox.builder().headerKey("X-Api-Token").start()) {
        assertThat(custom.headerKeyName()).isEqualTo("X-Api-Token");
        assertThat(custom.headerKey()).matches("[A-Za-z0-9_-]{22,}");
        assertThat(
                send(request(custom, "/header-key/x")
                        .header("X-Api-Token", custom.headerKey())
                        .build())
                    .statusCode())
            .isEqualTo(200);
      }
    }
  }

  @Nested
  @DisplayName("query-key")
  class QueryKey {

    @Test
    @DisplayName("accepts the key in its query parameter")
    void accepts() {
      HttpResponse<String> response =
          get(sandbox, "/query-key/things?other=1&api_key=" + sandbox.queryKey());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"ok\":true,\"realm\":\"query-key\"}");
    }

    @Test
    @DisplayName("compares the decoded parameter name and value")
    void decoded() {
      try (Sandbox custom = Sandbox.builder().queryKey("app id", "a b&c=d/é+").start()) {
        HttpResponse<String> response =
            get(custom, "/query-key/x?app%20id=a%20b%26c%3Dd%2F%C3%A9%2B");

        assertThat(response.statusCode()).isEqualTo(200);
        assertRefused(get(custom, "/query-key/x?app%20id=a%20b%26c%3Dd%2F%C3%A9+"));
      }
    }

    @Test
    @DisplayName("refuses a wrong, missing or repeated key with 401")
    void refuses() {
      assertRefused(get(sandbox, "/query-key/things?api_key=" + sandbox.queryKey() + "x"));
      assertRefused(get(sandbox, "/query-key/things?api_key="));
      assertRefused(get(sandbox, "/query-key/things?apikey=" + sandbox.queryKey()));
      assertRefused(get(sandbox, "/query-key/things"));
      assertRefused(
          get(
              sandbox,
              "/query-key/things?api_key="
                  + sandbox.queryKey()
                  + "&api_key="
                  + sandbox.queryKey()));
      assertThat(get(sandbox, "/query-key").headers().firstValue("WWW-Authenticate"))
          .contains("ApiKey realm=\"sandbox\", query=\"api_key\"");
    }

    @Test
    @DisplayName("refuses the key in a header instead of the query")
    void notInHeader() {
      assertRefused(
          send(request(sandbox, "/query-key/x").header("api_key", sandbox.queryKey()).build()));
    }
  }

  @Nested
  @DisplayName("body-key")
  class BodyKey {

    @Test
    @DisplayName("accepts the key as a top-level string member of a JSON object")
    void acceptsJson() {
      String body =
          "{\"name\":\"x\",\"nested\":{\"a\":1},\"api_key\":\"" + sandbox.bodyKey() + "\"}";

      HttpResponse<String> response = post(sandbox, "/body-key/things", "application/json", body);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"ok\":true,\"realm\":\"body-key\"}");
      assertThat(
              post(
                      sandbox,
                      "/body-key",
                      "Application/JSON; charset=UTF-8",
                      "{\"api_key\":\"" + sandbox.bodyKey() + "\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              post(
                      sandbox,
                      "/body-key",
                      "application/vnd.api+json",
                      "{\"api_key\":\"" + sandbox.bodyKey() + "\"}")
                  .statusCode())
          .isEqualTo(200);
    }

    @Test
    @DisplayName("accepts the key as a field of a form")
    void acceptsForm() {
      try (Sandbox custom = Sandbox.builder().bodyKey("the key", "v&l=u+e é").start()) {
        HttpResponse<String> response =
            post(
                custom,
                "/body-key/things",
                "application/x-www-form-urlencoded",
                "a=1&the+key=v%26l%3Du%2Be+%C3%A9&b=2");

        assertThat(response.statusCode()).isEqualTo(200);
      }
    }

    @Test
    @DisplayName("refuses a JSON body with a wrong, nested, non-string or duplicate key")
    void refusesJson() {
      String key = sandbox.bodyKey();
      String json = "application/json";
      assertRefused(post(sandbox, "/body-key/x", json, "{\"api_key\":\"" + key + "x\"}"));
      assertRefused(
          post(sandbox, "/body-key/x", json, "{\"outer\":{\"api_key\":\"" + key + "\"}}"));
      assertRefused(post(sandbox, "/body-key/x", json, "{\"api_key\":[\"" + key + "\"]}"));
      assertRefused(post(sandbox, "/body-key/x", json, "[{\"api_key\":\"" + key + "\"}]"));
      assertRefused(
          post(
              sandbox,
              "/body-key/x",
              json,
              "{\"api_key\":\"" + key + "\",\"api_key\":\"" + key + "\"}"));
      assertRefused(post(sandbox, "/body-key/x", json, "{\"api_key\":\"" + key + "\""));
      assertRefused(post(sandbox, "/body-key/x", json, "{\"api_key\":\"" + key + "\"} {}"));
      assertRefused(post(sandbox, "/body-key/x", json, ""));
    }

    @Test
    @DisplayName("refuses a form with a wrong, missing or repeated key")
    void refusesForm() {
      String key = sandbox.bodyKey();
      String form = "application/x-www-form-urlencoded";
      assertRefused(post(sandbox, "/body-key/x", form, "api_key=" + key + "x"));
      assertRefused(post(sandbox, "/body-key/x", form, "other=" + key));
      assertRefused(post(sandbox, "/body-key/x", form, "api_key=" + key + "&api_key=" + key));
      assertThat(
              post(sandbox, "/body-key/x", form, "api_key=wrong")
                  .headers()
                  .firstValue("WWW-Authenticate"))
          .contains("ApiKey realm=\"sandbox\", field=\"api_key\"");
    }

    @Test
    @DisplayName("refuses a body that is neither JSON nor a form, and the key in the query")
    void refusesOtherBodies() {
      String key = sandbox.bodyKey();
      assertRefused(post(sandbox, "/body-key/x", "text/plain", "api_key=" + key));
      assertRefused(
          send(
              request(sandbox, "/body-key/x")
                  .POST(HttpRequest.BodyPublishers.ofString("api_key=" + key))
                  .build()));
      assertRefused(get(sandbox, "/body-key/x?api_key=" + key));
    }
  }

  @Nested
  @DisplayName("basic")
  class Basic {

    private HttpResponse<String> withAuthorization(Sandbox target, String value) {
      return send(request(target, "/basic/things").header("Authorization", value).build());
    }

    private String basic(String userPass, Charset charset) {
      return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(charset));
    }

    @Test
    @DisplayName("accepts the random user-id and password")
    void accepts() {
      HttpResponse<String> response =
          withAuthorization(
              sandbox,
              basic(
                  sandbox.basicUsername() + ":" + sandbox.basicPassword(), StandardCharsets.UTF_8));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"ok\":true,\"realm\":\"basic\"}");
    }

    @Test
    @DisplayName("decodes UTF-8 and splits at the first colon: a password may hold colons")
    void nonAsciiAndColons() {
      try (Sandbox custom = Sandbox.builder().basic("Jürgen Ürbán 日本", "pa:ss:wörd:").start()) {
        assertThat(
                withAuthorization(
                        custom, basic("Jürgen Ürbán 日本:pa:ss:wörd:", StandardCharsets.UTF_8))
                    .statusCode())
            .isEqualTo(200);
        assertRefused(
            withAuthorization(custom, basic("Jürgen Ürbán 日本:pa:ss:wörd", StandardCharsets.UTF_8)));
        assertRefused(
            withAuthorization(custom, basic("Jürgen Ürbán 日本:pa", StandardCharsets.UTF_8)));
      }
    }

    @Test
    @DisplayName("refuses credentials encoded in ISO-8859-1 instead of UTF-8")
    void onlyUtf8() {
      try (Sandbox custom = Sandbox.builder().basic("Jürgen", "pässword").start()) {
        assertRefused(
            withAuthorization(custom, basic("Jürgen:pässword", StandardCharsets.ISO_8859_1)));
      }
    }

    @Test
    @DisplayName("accepts an empty password and a lower-case scheme name")
    void emptyPassword() {
      try (Sandbox custom = Sandbox.builder().basic("user", "").start()) {
        String value = Base64.getEncoder().encodeToString("user:".getBytes(StandardCharsets.UTF_8));

        assertThat(withAuthorization(custom, "basic " + value).statusCode()).isEqualTo(200);
        assertRefused(withAuthorization(custom, basic("user:x", StandardCharsets.UTF_8)));
      }
    }

    @Test
    @DisplayName("refuses wrong credentials with 401 and a UTF-8 Basic challenge")
    void refuses() {
      String user = sandbox.basicUsername();
      String password = sandbox.basicPassword();
      HttpResponse<String> wrong =
          withAuthorization(sandbox, basic(user + ":x", StandardCharsets.UTF_8));

      assertRefused(wrong);
      assertThat(wrong.headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"sandbox\", charset=\"UTF-8\"");
      assertRefused(withAuthorization(sandbox, basic("x:" + password, StandardCharsets.UTF_8)));
      assertRefused(withAuthorization(sandbox, basic(user + password, StandardCharsets.UTF_8)));
      assertRefused(
          withAuthorization(sandbox, basic(password + ":" + user, StandardCharsets.UTF_8)));
      assertRefused(withAuthorization(sandbox, "Basic not*base64"));
      assertRefused(withAuthorization(sandbox, "Basic"));
      assertRefused(withAuthorization(sandbox, "Bearer " + password));
      assertRefused(get(sandbox, "/basic/things"));
    }

    @Test
    @DisplayName("refuses bytes that are not UTF-8")
    void refusesMalformedUtf8() {
      try (Sandbox custom = Sandbox.builder().basic("u", "\uFFFD").start()) {
        byte[] bytes = {'u', ':', (byte) 0xff};

        assertRefused(
            withAuthorization(custom, "Basic " + Base64.getEncoder().encodeToString(bytes)));
      }
    }
  }
}
