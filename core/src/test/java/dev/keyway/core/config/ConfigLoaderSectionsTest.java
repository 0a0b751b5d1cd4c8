package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.failure;
import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Environment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigLoader keeps callers, server and publicUrl, resolved, for the gateway")
class ConfigLoaderSectionsTest {

  private static final String SESSION_SECRET = "session-CANARY-7d1e0b";

  private static final String CONFIG =
      """
      publicUrl: { dev: "http://127.0.0.1:8080", live: https://api.example.com }
      callers:
        webapp:
          session: { algorithm: HS256, secret: "${secret:session}", maxLifetime: 15m }
          allow: ["weather.*", "${env:EXTRA_CALL}"]
          origins: { dev: ["http://localhost:3000"], live: ["https://app.example.com"] }
      server:
        port: 8080
        limits: { requestBody: 1MiB }
      collections: {}
      """;

  private static ConfigLoader loader(Environment environment) {
    return ConfigLoader.create()
        .withEnvironment(environment)
        .withSecrets(SecretSource.of(Map.of("session", SESSION_SECRET)))
        .withEnvironmentVariables(Map.of("EXTRA_CALL", "stripe.charge")::get);
  }

  @Test
  @DisplayName("resolves references and picks each environment-scoped value, at any depth")
  void resolves() {
    KeywayConfig dev = loader(Environment.DEV).parse(CONFIG);
    KeywayConfig live = loader(Environment.LIVE).parse(CONFIG);

    assertThat(dev.section("publicUrl")).isEqualTo("http://127.0.0.1:8080");
    assertThat(live.section("publicUrl")).isEqualTo("https://api.example.com");
    Map<?, ?> webapp = (Map<?, ?>) ((Map<?, ?>) dev.section("callers")).get("webapp");
    assertThat(((Map<?, ?>) webapp.get("session")).get("secret")).isEqualTo(SESSION_SECRET);
    assertThat(webapp.get("allow")).isEqualTo(List.of("weather.*", "stripe.charge"));
    assertThat(webapp.get("origins")).isEqualTo(List.of("http://localhost:3000"));
    Map<?, ?> liveWebapp = (Map<?, ?>) ((Map<?, ?>) live.section("callers")).get("webapp");
    assertThat(liveWebapp.get("origins")).isEqualTo(List.of("https://app.example.com"));
    assertThat(dev.section("server"))
        .isEqualTo(Map.of("port", "8080", "limits", Map.of("requestBody", "1MiB")));
  }

  @Test
  @DisplayName("an absent section is null, and a configuration built in code has none")
  void absent() {
    KeywayConfig config = loader(Environment.DEV).parse("collections: {}");

    assertThat(config.sections()).isEmpty();
    assertThat(config.section("callers")).isNull();
    assertThat(new KeywayConfig(Environment.DEV, false, Map.of()).sections()).isEmpty();
  }

  @Test
  @DisplayName("a missing secret in a section is reported with its path, with the others")
  void missingSecret() {
    String config =
        """
        callers:
          webapp:
            session: { secret: "${secret:nope}" }
        collections:
          api: { auth: { type: none }, calls: {} }
        """;

    assertThat(problems(() -> ConfigLoader.create().parse(config)))
        .containsExactly(
            "callers.webapp.session.secret: ${secret:nope}: no secret named nope in environment"
                + " dev; add it to the secret store",
            "collections.api.baseUrl: required");
  }

  @Test
  @DisplayName("neither toString nor an error shows a secret value from a section")
  void neverShowsSecrets() {
    KeywayConfig config = loader(Environment.DEV).parse(CONFIG);
    String broken = CONFIG.replace("port: 8080", "port: 8080\n  surprise: [[1]]");

    assertThat(config.toString()).doesNotContain(SESSION_SECRET).contains("callers");
    assertThat(failure(() -> loader(Environment.DEV).parse(broken)).getMessage())
        .doesNotContain(SESSION_SECRET)
        .contains("server.surprise[0]: expected a list of single values");
  }

  @Test
  @DisplayName("an unknown top-level key is still refused, naming the section keys as expected")
  void unknownTopLevelKey() {
    assertThat(problems(() -> ConfigLoader.create().parse("collections: {}\ncallerz: {}")))
        .singleElement()
        .asString()
        .startsWith("callerz: unknown setting; expected one of")
        .contains("callers", "server", "publicUrl", "store");
  }
}
