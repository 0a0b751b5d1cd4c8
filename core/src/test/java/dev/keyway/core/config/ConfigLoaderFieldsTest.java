package dev.keyway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.keyway.api.Environment;
import dev.keyway.core.config.BodyConfig.Type;
import dev.keyway.core.config.ParamConfig.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigLoader reads every field")
class ConfigLoaderFieldsTest {

  private static KeywayConfig full;

  @BeforeAll
  static void loadFullConfig() throws URISyntaxException {
    Path file = Path.of(ConfigLoaderFieldsTest.class.getResource("/config/full.yaml").toURI());
    full =
        ConfigLoader.create()
            .withSecrets(SecretSource.of(Map.of("stripe.test", "sk_test_1", "db", "db-password")))
            .withEnvironmentVariables(Map.of("STRIPE_SOURCE", "tok_visa")::get)
            .load(file);
  }

  private static CollectionConfig stripe() {
    return full.collections().get("stripe");
  }

  private static CallConfig createCustomer() {
    return stripe().calls().get("createCustomer");
  }

  @Test
  @DisplayName("reads the environment, strictEnvironments and the collections")
  void readsTopLevel() {
    assertThat(full.environment()).isEqualTo(Environment.DEV);
    assertThat(full.strictEnvironments()).isFalse();
    assertThat(full.collections()).containsOnlyKeys("stripe");
  }

  @Test
  @DisplayName("reads the base URL and drops the trailing slash of its path prefix")
  void readsBaseUrl() {
    assertThat(stripe().id()).isEqualTo("stripe");
    assertThat(stripe().baseUrl()).isEqualTo(URI.create("https://api.stripe.com/v1"));
  }

  @Test
  @DisplayName("reads the auth type and every other auth key, resolved, as settings")
  void readsAuth() {
    AuthConfig auth = stripe().auth();
    assertThat(auth.type()).isEqualTo("header-key");
    assertThat(auth.settings())
        .containsOnly(
            entry("keyName", "Authorization"),
            entry("key", "Bearer sk_test_1"),
            entry("retries", "3"),
            entry("scopes", List.of("read", "write", "7")),
            entry("tokenHeaders", Map.of("Accept", "application/json", "X-Debug", "true")));
  }

  @Test
  @DisplayName("reads shared headers and parameters, numbers as their text")
  void readsCollectionHeadersAndParams() {
    assertThat(stripe().headers())
        .containsOnly(entry("Stripe-Version", "2024-06-20"), entry("X-Count", "12"));
    assertThat(stripe().params().get("account"))
        .isEqualTo(
            new ParamConfig(
                "account",
                Location.HEADER,
                false,
                Optional.empty(),
                true,
                Optional.of("acct_123")));
  }

  @Test
  @DisplayName("reads connect and response timeouts")
  void readsTimeouts() {
    assertThat(stripe().timeouts())
        .isEqualTo(new Timeouts(Duration.ofMillis(500), Duration.ofMinutes(2)));
  }

  @Test
  @DisplayName("reads a call's method (upper-cased), path, query, headers and public flag")
  void readsCall() {
    CallConfig call = createCustomer();
    assertThat(call.id()).isEqualTo("createCustomer");
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/customers");
    assertThat(call.query()).containsOnly(entry("expand", "default_source"), entry("limit", "10"));
    assertThat(call.headers()).containsOnly(entry("Idempotency-Key", "fixed"));
    assertThat(call.isPublic()).isTrue();
    assertThat(call.check()).isFalse();
  }

  @Test
  @DisplayName("reads a call's body type, template and content type")
  void readsBody() {
    assertThat(createCustomer().body())
        .isEqualTo(
            new BodyConfig(
                Type.JSON,
                Optional.of("{\"email\": <email>}"),
                Optional.of("application/vnd.api+json")));
  }

  @Test
  @DisplayName("reads every parameter field: in, required, default, private and value")
  void readsParams() {
    Map<String, ParamConfig> params = createCustomer().params();
    assertThat(params.get("email"))
        .isEqualTo(
            new ParamConfig(
                "email", Location.BODY, true, Optional.empty(), false, Optional.empty()));
    assertThat(params.get("description"))
        .isEqualTo(
            new ParamConfig(
                "description",
                Location.BODY,
                false,
                Optional.of("created by keyway"),
                false,
                Optional.empty()));
    assertThat(params.get("source"))
        .isEqualTo(
            new ParamConfig(
                "source", Location.QUERY, false, Optional.empty(), true, Optional.of("tok_visa")));
    assertThat(params.get("id").in()).isEqualTo(Location.PATH);
  }

  @Test
  @DisplayName("gives a call without optional fields the defaults")
  void callDefaults() {
    CallConfig call = stripe().calls().get("listCharges");
    assertThat(call.method()).isEqualTo("GET");
    assertThat(call.query()).isEmpty();
    assertThat(call.headers()).isEmpty();
    assertThat(call.body()).isEqualTo(BodyConfig.none());
    assertThat(call.params()).isEmpty();
    assertThat(call.isPublic()).isFalse();
    assertThat(call.check()).as("marked check: true for keyway doctor").isTrue();
  }

  @Test
  @DisplayName("gives a minimal configuration the defaults")
  void configDefaults() {
    KeywayConfig config =
        ConfigLoader.create()
            .withEnvironmentVariables(name -> null)
            .parse(
                """
                collections:
                  weather:
                    baseUrl: https://api.weather.example
                    auth: { type: none }
                    calls: {}
                """);
    CollectionConfig weather = config.collections().get("weather");
    assertThat(config.environment()).isEqualTo(Environment.DEV);
    assertThat(config.strictEnvironments()).isFalse();
    assertThat(weather.auth()).isEqualTo(AuthConfig.none());
    assertThat(weather.headers()).isEmpty();
    assertThat(weather.params()).isEmpty();
    assertThat(weather.timeouts()).isEqualTo(Timeouts.DEFAULT);
    assertThat(weather.calls()).isEmpty();
  }

  @Test
  @DisplayName("keeps the default of a timeout that is not given")
  void partialTimeouts() {
    KeywayConfig config =
        ConfigLoader.create()
            .parse(
                """
                collections:
                  weather:
                    baseUrl: https://api.weather.example
                    auth: { type: none }
                    timeouts: { response: 45s }
                    calls: {}
                """);
    assertThat(config.collections().get("weather").timeouts())
        .isEqualTo(new Timeouts(Timeouts.DEFAULT.connect(), Duration.ofSeconds(45)));
  }

  @Test
  @DisplayName("keeps a base URL's port, path prefix and lower-cases its scheme")
  void baseUrlWithPortAndPrefix() {
    KeywayConfig config =
        ConfigLoader.create()
            .parse(
                """
                collections:
                  local:
                    baseUrl: HTTP://127.0.0.1:8080/api/v2
                    auth: { type: none }
                    calls: {}
                """);
    assertThat(config.collections().get("local").baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8080/api/v2"));
  }

  @Test
  @DisplayName("reads a raw body with its content type, and a form body")
  void rawAndFormBodies() {
    KeywayConfig config =
        ConfigLoader.create()
            .parse(
                """
                collections:
                  soap:
                    baseUrl: https://soap.example
                    auth: { type: none }
                    calls:
                      send:
                        path: /send
                        body: { type: raw, template: "<a>x</a>", contentType: text/xml }
                      form:
                        path: /form
                        body: { type: FORM }
                """);
    Map<String, CallConfig> calls = config.collections().get("soap").calls();
    assertThat(calls.get("send").body())
        .isEqualTo(new BodyConfig(Type.RAW, Optional.of("<a>x</a>"), Optional.of("text/xml")));
    assertThat(calls.get("form").body())
        .isEqualTo(new BodyConfig(Type.FORM, Optional.empty(), Optional.empty()));
  }

  @Test
  @DisplayName("keeps scalars as written: YAML 1.1 octal, booleans and floats stay text")
  void scalarsAsWritten() {
    KeywayConfig config =
        ConfigLoader.create()
            .parse(
                """
                collections:
                  api:
                    baseUrl: https://api.example
                    auth: { type: basic, username: 0123, password: yes, version: 1.10, on: on }
                    calls: {}
                """);
    assertThat(config.collections().get("api").auth().settings())
        .containsOnly(
            entry("username", "0123"),
            entry("password", "yes"),
            entry("version", "1.10"),
            entry("on", "on"));
  }

  @Test
  @DisplayName("reads the same configuration written as JSON, tabs included")
  void readsJson() {
    KeywayConfig config =
        ConfigLoader.create()
            .parse(
                """
                {
                \t"environment": "live",
                \t"collections": {
                \t\t"weather": {
                \t\t\t"baseUrl": "https://api.weather.example",
                \t\t\t"auth": {"type": "query-key", "keyName": "appid", "key": "k\\u00e9y", "n": 1.50},
                \t\t\t"calls": {"current": {"path": "/v2/cities/[city]/now",
                \t\t\t\t"params": {"city": {"in": "path", "required": true}}}}
                \t\t}
                \t}
                }
                """);
    CollectionConfig weather = config.collections().get("weather");
    assertThat(config.environment()).isEqualTo(Environment.LIVE);
    assertThat(weather.auth().settings())
        .containsOnly(entry("keyName", "appid"), entry("key", "kéy"), entry("n", "1.50"));
    assertThat(weather.calls().get("current").params().get("city").required()).isTrue();
  }

  @Test
  @DisplayName("reads a tree of Java maps, lists, numbers and booleans")
  void readsTree() {
    Map<String, Object> call =
        Map.of(
            "path",
            "/v1/items",
            "public",
            true,
            "params",
            Map.of("limit", Map.of("in", "query", "default", 25)));
    Map<String, Object> collection =
        Map.of(
            "baseUrl", "https://api.example",
            "auth", Map.of("type", "header-key", "key", "abc", "scopes", List.of("a", 2)),
            "calls", Map.of("items", call));
    KeywayConfig config =
        ConfigLoader.create()
            .fromTree(Map.of("environment", "live", "collections", Map.of("api", collection)));

    CollectionConfig api = config.collections().get("api");
    assertThat(config.environment()).isEqualTo(Environment.LIVE);
    assertThat(api.auth().settings())
        .containsOnly(entry("key", "abc"), entry("scopes", List.of("a", "2")));
    assertThat(api.calls().get("items").isPublic()).isTrue();
    assertThat(api.calls().get("items").params().get("limit").defaultValue()).contains("25");
  }

  @Test
  @DisplayName("keeps store, resolved, as a section for the token store")
  void keepsStore() {
    assertThat(full.section("store"))
        .isEqualTo(
            Map.of(
                "type", "postgresql",
                "url", "jdbc:postgresql://db:5432/keyway",
                "password", "db-password"));
  }

  @Test
  @DisplayName("keeps publicUrl and callers, resolved, as sections for the gateway")
  void keepsServerSections() {
    assertThat(full.section("publicUrl")).isEqualTo("https://api.example.com");
    assertThat(full.section("callers"))
        .isEqualTo(
            Map.of(
                "backend",
                Map.of(
                    "key",
                    "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "allow",
                    List.of("stripe.*"))));
    assertThat(full.section("server")).isNull();
  }
}
