package dev.keyway.server.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.auth.CallPattern;
import dev.keyway.server.internal.auth.CallerKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gateway reads callers and server settings, reporting every problem with its path")
class GatewaySettingsReaderTest {

  private static final String HASH = CallerKeys.hash("kw_test");
  private static final String SECRET = "0123456789abcdef0123456789abcdef-CANARY";

  private static final String COLLECTIONS =
      """
      collections:
        weather:
          baseUrl: https://api.weather.example
          auth: { type: none }
          calls: { current: { path: /now } }
      """;

  private static GatewaySettings read(String yaml) {
    return GatewaySettingsReader.read(
        ConfigLoader.create()
            .withSecrets(SecretSource.of(Map.of("session", SECRET)))
            .parse(yaml + COLLECTIONS));
  }

  private static List<String> problems(String yaml) {
    try {
      read(yaml);
    } catch (InvalidConfigException e) {
      assertThat(e.getMessage()).doesNotContain(SECRET);
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected the settings to be refused");
  }

  @Test
  @DisplayName("without a server section, the defaults apply; without callers, there are none")
  void defaults() {
    GatewaySettings settings = read("");

    assertThat(settings.server()).isEqualTo(ServerSettings.DEFAULT);
    assertThat(settings.callers()).isEmpty();
  }

  @Test
  @DisplayName("reads every server setting")
  void serverSettings() {
    GatewaySettings settings =
        read(
            """
            server:
              host: 127.0.0.1
              port: 8443
              admin: { host: 0.0.0.0, port: 9443 }
              limits:
                requestBody: 64KiB
                responseBody: 2MiB
                headers: 8k
                idleTimeout: 20s
                readTimeout: 5s
              publicRateLimit: { requests: 10, per: 1s }
              shutdownTimeout: 2m
            """);

    assertThat(settings.server())
        .isEqualTo(
            new ServerSettings(
                "127.0.0.1",
                8443,
                "0.0.0.0",
                9443,
                new Limits(
                    64 << 10, 2L << 20, 8 << 10, Duration.ofSeconds(20), Duration.ofSeconds(5)),
                new RateLimit(10, Duration.ofSeconds(1)),
                Duration.ofMinutes(2)));
  }

  @Test
  @DisplayName("reads a caller with a key and one with an HS256 session")
  void callers() {
    GatewaySettings settings =
        read(
            """
            callers:
              backend:
                key: "%s"
                allow: ["weather.*"]
              webapp:
                session: { algorithm: HS256, secret: "${secret:session}", audience: app, maxLifetime: 5m }
                allow: ["*"]
                origins: ["HTTPS://App.Example.com", "http://localhost:3000"]
                returnTo: ["https://app.example.com/settings"]
            """
                .formatted(HASH.toUpperCase().replace("SHA256", "sha256")));

    CallerSettings backend = settings.callers().get(0);
    assertThat(backend.id()).isEqualTo("backend");
    assertThat(backend.keyHash()).contains(HASH);
    assertThat(backend.allow()).containsExactly(new CallPattern("weather", "*"));
    CallerSettings webapp = settings.callers().get(1);
    assertThat(webapp.session().orElseThrow().audience()).isEqualTo("app");
    assertThat(webapp.session().orElseThrow().maxLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(webapp.session().orElseThrow().toString()).doesNotContain(SECRET);
    assertThat(webapp.origins())
        .containsExactly("https://app.example.com", "http://localhost:3000");
    assertThat(webapp.returnTo()).hasSize(1);
  }

  @Test
  @DisplayName("reports every caller problem at once, each with its path")
  void callerProblems() {
    assertThat(
            problems(
                """
                callers:
                  backend:
                    key: kw_abc
                    allow: ["weathr.*", "weather.past", "weather"]
                  other:
                    key: "sha256:123"
                    origins: ["https://app.example.com/path"]
                    returnTo: ["not a url"]
                    extra: 1
                  nothing:
                    allow: ["*"]
                  "bad id!":
                    key: "%s"
                    allow: ["*"]
                """
                    .formatted(HASH)))
        .containsExactly(
            "callers.backend.key: this is a key, not its hash; store the sha256:... line printed"
                + " by keyway hash-key",
            "callers.backend.allow[0]: no collection named weathr",
            "callers.backend.allow[1]: collection weather has no call named past",
            "callers.backend.allow[2]: expected *, collection.* or collection.call",
            "callers.other.key: expected sha256:<64 hex digits>; keyway hash-key prints one",
            "callers.other.allow: required; list the calls this caller may make, e.g."
                + " [\"weather.*\"] or [\"*\"]",
            "callers.other.origins[0]: expected an origin: scheme, host and optional port,"
                + " without a path, such as https://app.example.com",
            "callers.other.returnTo[0]: expected an absolute http or https URL without a fragment",
            "callers.other.extra: unknown setting; expected one of key, session, allow, origins,"
                + " returnTo",
            "callers.nothing: needs a key (the hash printed by keyway hash-key) or a session, to"
                + " authenticate",
            "callers.bad id!: not a valid caller id; use letters, digits, _ and -");
  }

  @Test
  @DisplayName("two callers with one key are refused")
  void sharedKey() {
    assertThat(
            problems(
                """
                callers:
                  a: { key: "%1$s", allow: ["*"] }
                  b: { key: "%1$s", allow: ["*"] }
                """
                    .formatted(HASH)))
        .containsExactly(
            "callers.b.key: the same key as caller a; give every caller a key of its own");
  }

  @Test
  @DisplayName("reports session problems: algorithm, key material, lifetime")
  void sessionProblems() {
    assertThat(
            problems(
                """
                callers:
                  none: { session: { algorithm: none }, allow: ["*"] }
                  short: { session: { algorithm: HS256, secret: too-short }, allow: ["*"] }
                  missing: { session: { algorithm: HS512 }, allow: ["*"] }
                  mixed: { session: { algorithm: RS256, secret: "${secret:session}" }, allow: ["*"] }
                  long: { session: { algorithm: HS256, secret: "${secret:session}", maxLifetime: 2d }, allow: ["*"] }
                  pem: { session: { algorithm: ES256, publicKey: "not a pem" }, allow: ["*"] }
                  jwks: { session: { algorithm: RS256, jwks: "{}" }, allow: ["*"] }
                  empty: { session: { algorithm: RS256, jwks: '{"keys": []}' }, allow: ["*"] }
                """))
        .containsExactly(
            "callers.none.session.algorithm: unsigned tokens are never accepted; expected one of"
                + " HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384,"
                + " ES512",
            "callers.short.session.secret: too short for HS256; use at least 32 bytes of random"
                + " text (e.g. openssl rand -base64 32)",
            "callers.missing.session.secret: required for HS512",
            "callers.mixed.session.secret: only for HS256, HS384 and HS512; use publicKey",
            "callers.mixed.session.publicKey: give exactly one of publicKey (PEM) and jwks (a JWK"
                + " set) for RS256",
            "callers.long.session.maxLifetime: at most 24h; sessions are meant to be short-lived",
            "callers.pem.session.publicKey: not a PEM public key (expected -----BEGIN PUBLIC"
                + " KEY-----; convert an RSA key with openssl rsa -pubout)",
            "callers.jwks.session.jwks: not a JWK set (a JSON object with a keys list)",
            "callers.empty.session.jwks: no public key in the set can verify RS256");
  }

  @Test
  @DisplayName("reports server problems with their paths")
  void serverProblems() {
    assertThat(
            problems(
                """
                server:
                  port: 70000
                  host: "bad host"
                  admin: { port: x }
                  limits: { requestBody: 2GiB, responseBody: lots, readTimeout: 0s }
                  publicRateLimit: { requests: 0 }
                  surprise: true
                """))
        .containsExactly(
            "server.host: expected a host name or IP address, such as 127.0.0.1",
            "server.port: expected a port number from 0 (any free port) to 65535",
            "server.admin.port: expected a port number from 0 (any free port) to 65535",
            "server.limits.requestBody: at most 1GiB",
            "server.limits.responseBody: expected a size greater than zero, such as 1MiB, 512KiB"
                + " or 4096",
            "server.limits.readTimeout: expected a duration greater than zero, such as 500ms, 30s"
                + " or 2m",
            "server.publicRateLimit.requests: expected a whole number from 1 to 1000000",
            "server.surprise: unknown setting; expected one of host, port, admin, limits,"
                + " publicRateLimit, shutdownTimeout");
  }

  @Test
  @DisplayName("a caller's key may differ per environment, like any value")
  void environmentScoped() {
    String other = CallerKeys.hash("kw_live");
    String yaml =
        """
        callers:
          backend: { key: { dev: "%s", live: "%s" }, allow: ["*"] }
        """
            .formatted(HASH, other);

    GatewaySettings live =
        GatewaySettingsReader.read(
            ConfigLoader.create()
                .withEnvironment(dev.keyway.api.Environment.LIVE)
                .parse(yaml + COLLECTIONS));

    assertThat(live.callers().get(0).keyHash()).contains(other);
    assertThatThrownBy(() -> read("callers: [a, b]\n"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("callers: expected a map");
  }
}
