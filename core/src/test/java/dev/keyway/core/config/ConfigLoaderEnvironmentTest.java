package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.failure;
import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigLoader resolves values for one environment")
class ConfigLoaderEnvironmentTest {

  private static final String SCOPED =
      """
      collections:
        stripe:
          baseUrl: { dev: "https://sandbox.stripe.example", live: "https://api.stripe.com" }
          auth:
            type: header-key
            key: { live: "LIVE-KEY", dev: "DEV-KEY" }
          headers: { X-Debug: { dev: "1" } }
          calls:
            create: { method: { dev: PUT, live: POST }, path: /v1/customers }
      """;

  private final List<ConfigProblem> warnings = new ArrayList<>();

  private ConfigLoader loader(Map<String, String> variables) {
    return ConfigLoader.create()
        .withEnvironmentVariables(variables::get)
        .withWarningListener(warnings::add);
  }

  private ConfigLoader loader() {
    return loader(Map.of());
  }

  private static String withEnvironment(String environment, String collectionYaml) {
    return "environment: " + environment + "\n" + collectionYaml;
  }

  @Test
  @DisplayName("picks the dev values in environment dev")
  void picksDevValues() {
    CollectionConfig stripe = loader().parse(SCOPED).collections().get("stripe");
    assertThat(stripe.baseUrl()).hasToString("https://sandbox.stripe.example");
    assertThat(stripe.auth().settings()).containsOnly(entry("key", "DEV-KEY"));
    assertThat(stripe.headers()).containsOnly(entry("X-Debug", "1"));
    assertThat(stripe.calls().get("create").method()).isEqualTo("PUT");
    assertThat(warnings).isEmpty();
  }

  @Test
  @DisplayName("picks the live values in environment live, and leaves out dev-only entries")
  void picksLiveValues() {
    KeywayConfig config = loader().withEnvironment(Environment.LIVE).parse(SCOPED);
    CollectionConfig stripe = config.collections().get("stripe");
    assertThat(config.environment()).isEqualTo(Environment.LIVE);
    assertThat(stripe.baseUrl()).hasToString("https://api.stripe.com");
    assertThat(stripe.auth().settings()).containsOnly(entry("key", "LIVE-KEY"));
    assertThat(stripe.headers()).isEmpty();
    assertThat(stripe.calls().get("create").method()).isEqualTo("POST");
  }

  @Test
  @DisplayName("defaults to environment dev")
  void defaultsToDev() {
    assertThat(loader().parse(SCOPED).environment()).isEqualTo(Environment.DEV);
  }

  @Test
  @DisplayName("uses the environment named in the file")
  void environmentFromFile() {
    assertThat(loader().parse(withEnvironment("live", SCOPED)).environment())
        .isEqualTo(Environment.LIVE);
  }

  @Test
  @DisplayName("lets KEYWAY_ENV override the environment named in the file")
  void keywayEnvOverridesFile() {
    KeywayConfig config =
        loader(Map.of("KEYWAY_ENV", "LIVE")).parse(withEnvironment("dev", SCOPED));
    assertThat(config.environment()).isEqualTo(Environment.LIVE);
  }

  @Test
  @DisplayName("lets withEnvironment override both KEYWAY_ENV and the file")
  void overrideWinsOverAll() {
    KeywayConfig config =
        loader(Map.of("KEYWAY_ENV", "live"))
            .withEnvironment(Environment.DEV)
            .parse(withEnvironment("live", SCOPED));
    assertThat(config.environment()).isEqualTo(Environment.DEV);
  }

  @Test
  @DisplayName("ignores a blank KEYWAY_ENV")
  void blankKeywayEnv() {
    assertThat(
            loader(Map.of("KEYWAY_ENV", " ")).parse(withEnvironment("live", SCOPED)).environment())
        .isEqualTo(Environment.LIVE);
  }

  @Test
  @DisplayName("refuses a KEYWAY_ENV other than dev or live")
  void badKeywayEnv() {
    assertThat(problems(() -> loader(Map.of("KEYWAY_ENV", "prod")).parse(SCOPED)))
        .containsExactly("KEYWAY_ENV: environment variable: expected dev or live");
  }

  @Test
  @DisplayName("refuses an environment other than dev or live in the file")
  void badEnvironment() {
    assertThat(problems(() -> loader().parse(withEnvironment("staging", SCOPED))))
        .containsExactly("environment: expected dev or live");
  }

  @Test
  @DisplayName("refuses an environment or strictEnvironments written per environment")
  void fixedTopLevelSettings() {
    String yaml =
        "environment: { dev: dev, live: live }\nstrictEnvironments: { live: true }\n" + SCOPED;
    assertThat(problems(() -> loader().parse(yaml)))
        .containsExactly(
            "environment: expected a single value; it cannot differ per environment",
            "strictEnvironments: expected a single value; it cannot differ per environment");
  }

  @Test
  @DisplayName("refuses a strictEnvironments other than true or false")
  void badStrictEnvironments() {
    assertThat(problems(() -> loader().parse("strictEnvironments: maybe\n" + SCOPED)))
        .containsExactly("strictEnvironments: expected true or false");
  }

  @Test
  @DisplayName("reads strictEnvironments: true")
  void readsStrict() {
    assertThat(loader().parse("strictEnvironments: true\n" + SCOPED).strictEnvironments()).isTrue();
  }

  @Test
  @DisplayName("never falls back to a dev value in live: a required field is reported")
  void liveNeverFallsBack() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: { dev: "https://sandbox.stripe.example" }
            auth: { type: none }
            calls:
              create: { path: { dev: /v1/customers } }
        """;
    assertThat(problems(() -> loader().withEnvironment(Environment.LIVE).parse(yaml)))
        .containsExactly(
            "collections.stripe.baseUrl: required in environment live",
            "collections.stripe.calls.create.path: required in environment live");
  }

  @Test
  @DisplayName(
      "leaves an auth setting without a live value out in live, for the provider to report")
  void liveAuthSettingAbsent() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, keyName: Authorization, key: { dev: "DEV-KEY" } }
            calls: {}
        """;
    AuthConfig auth =
        loader().withEnvironment(Environment.LIVE).parse(yaml).collections().get("stripe").auth();
    assertThat(auth.settings()).containsOnly(entry("keyName", "Authorization"));
  }

  @Test
  @DisplayName("falls back to the live value in dev with a warning that names the path")
  void devFallsBackWithWarning() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, key: { live: "LIVE-KEY-123" } }
            calls: {}
        """;
    KeywayConfig config = loader().parse(yaml);
    assertThat(config.collections().get("stripe").auth().settings())
        .containsOnly(entry("key", "LIVE-KEY-123"));
    assertThat(warnings)
        .extracting(ConfigProblem::path)
        .containsExactly("collections.stripe.auth.key");
    assertThat(warnings.get(0).message()).contains("LIVE value").doesNotContain("LIVE-KEY-123");
  }

  @Test
  @DisplayName("logs the dev fallback as a WARN line naming the path, never the value")
  void devFallbackIsLogged() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: { live: "https://api.stripe.com" }
            auth: { type: header-key, key: { live: "LIVE-KEY-123" } }
            calls: {}
        """;
    String log = capturingStandardError(() -> ConfigLoader.create().parse(yaml));
    assertThat(log)
        .contains("WARN")
        .contains("collections.stripe.baseUrl: no dev value")
        .contains("collections.stripe.auth.key: no dev value")
        .doesNotContain("LIVE-KEY-123")
        .doesNotContain("api.stripe.com");
  }

  @Test
  @DisplayName("refuses a dev fallback when strictEnvironments is true")
  void strictRefusesFallback() {
    String yaml =
        """
        strictEnvironments: true
        collections:
          stripe:
            baseUrl: { live: "https://api.stripe.com" }
            auth: { type: header-key, key: { live: "LIVE-KEY-123" } }
            calls: {}
        """;
    assertThat(problems(() -> loader().parse(yaml)))
        .containsExactly(
            "collections.stripe.baseUrl: no dev value; strictEnvironments forbids using the live"
                + " value",
            "collections.stripe.auth.key: no dev value; strictEnvironments forbids using the live"
                + " value");
    assertThat(warnings).isEmpty();
  }

  @Test
  @DisplayName("does not resolve the references of the other environment's value")
  void otherEnvironmentNotResolved() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, key: { live: "${secret:stripe.live}", dev: "${secret:stripe.test}" } }
            calls: {}
        """;
    KeywayConfig config =
        loader().withSecrets(SecretSource.of(Map.of("stripe.test", "sk_test"))).parse(yaml);
    assertThat(config.collections().get("stripe").auth().settings())
        .containsOnly(entry("key", "sk_test"));
  }

  @Test
  @DisplayName("looks secrets up for the active environment")
  void secretsPerEnvironment() {
    SecretSource secrets =
        (name, environment) ->
            java.util.Optional.of(dev.keyway.api.Secret.of(name + "@" + environment.configName()));
    String yaml =
        """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, key: "${secret:stripe}" }
            calls: {}
        """;
    KeywayConfig config =
        loader().withSecrets(secrets).withEnvironment(Environment.LIVE).parse(yaml);
    assertThat(config.collections().get("stripe").auth().settings())
        .containsOnly(entry("key", "stripe@live"));
  }

  @Test
  @DisplayName("picks environment values inside auth lists and sections")
  void nestedAuthValues() {
    String yaml =
        """
        collections:
          api:
            baseUrl: https://api.example
            auth:
              type: oauth2-custom-token
              scopes: [read, { live: write }]
              tokenHeaders: { X-Env: { dev: sandbox, live: production } }
              body: { dev: { grant: test }, live: { grant: real } }
            calls: {}
        """;
    Map<String, Object> live =
        loader()
            .withEnvironment(Environment.LIVE)
            .parse(yaml)
            .collections()
            .get("api")
            .auth()
            .settings();
    Map<String, Object> dev = loader().parse(yaml).collections().get("api").auth().settings();
    assertThat(live)
        .containsOnly(
            entry("scopes", List.of("read", "write")),
            entry("tokenHeaders", Map.of("X-Env", "production")),
            entry("body", Map.of("grant", "real")));
    assertThat(dev)
        .containsOnly(
            entry("scopes", List.of("read", "write")),
            entry("tokenHeaders", Map.of("X-Env", "sandbox")),
            entry("body", Map.of("grant", "test")));
    assertThat(warnings)
        .extracting(ConfigProblem::path)
        .containsExactly("collections.api.auth.scopes[1]");
  }

  @Test
  @DisplayName("refuses an auth type that differs per environment")
  void authTypeIsFixed() {
    String yaml =
        """
        collections:
          api:
            baseUrl: https://api.example
            auth: { type: { dev: none, live: basic } }
            calls: {}
        """;
    assertThat(problems(() -> loader().parse(yaml)))
        .containsExactly(
            "collections.api.auth.type: must be the same in every environment; use another"
                + " collection for another method");
  }

  @Test
  @DisplayName("reports a map that is neither a value nor {dev, live} where a value is expected")
  void mapWhereValueExpected() {
    String yaml =
        """
        collections:
          api:
            baseUrl: { dev: "https://a.example", prod: "https://b.example" }
            auth: { type: none }
            calls: {}
        """;
    assertThat(failure(() -> loader().parse(yaml)).problems())
        .extracting(ConfigProblem::path)
        .containsExactly("collections.api.baseUrl");
    assertThat(problems(() -> loader().parse(yaml)).get(0))
        .contains("expected a single value, not a map")
        .doesNotContain("b.example");
  }

  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
