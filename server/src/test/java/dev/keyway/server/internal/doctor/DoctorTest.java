package dev.keyway.server.internal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.config.SecretSource;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.TestCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("keyway doctor's checks")
class DoctorTest {

  private static final String LIVE_TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  private static final String DEV_LIVE_KEY = "sk_live_51HxYzQ2eZvKYlo2C0a1b2c3";
  private static final String PLAIN = "plain-text-secret-9f8e7d";

  @TempDir Path dir;
  private final Instant now = Instant.parse("2026-06-01T00:00:00Z");
  private final Map<String, Secret> stored = new HashMap<>();
  private Path config;
  private IssuedCertificate certificate;

  private final SecretSource secrets =
      (name, env) -> Optional.ofNullable(stored.get(env.configName() + "/" + name));
  private final SecretOrigins origins =
      (name, env) ->
          stored.containsKey(env.configName() + "/" + name)
              ? Optional.of("store")
              : Optional.empty();

  @BeforeEach
  void write() throws IOException {
    certificate =
        TestCa.create("doctor CA")
            .issueClient(
                "client",
                TestCa.ecKeyPair(),
                now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(10)));
    Files.writeString(dir.resolve("client.pem"), certificate.certificatePem());
    Files.writeString(dir.resolve("client.key"), certificate.privateKeyPem());
    config = dir.resolve("keyway.yaml");
    Files.writeString(
        config,
        """
        environment: dev
        callers:
          app:
            session: { algorithm: HS256, secret: "${secret:session}", maxLifetime: 15m }
            allow: ["*"]
        collections:
          payments:
            baseUrl: http://127.0.0.1:9
            auth:
              type: header-key
              keyName: Authorization
              key: { live: "Bearer ${secret:stripe.live}", dev: "Bearer ${secret:stripe.test}" }
            calls: { c: { path: /c } }
          plain:
            baseUrl: http://127.0.0.1:9
            auth: { type: query-key, keyName: k, key: "%s" }
            calls: { c: { path: /c } }
          scopedFallback:
            baseUrl: http://127.0.0.1:9
            auth: { type: basic, username: u, password: { live: "${secret:fb.live}" } }
            calls: { c: { path: /c } }
          storeFallback:
            baseUrl: http://127.0.0.1:9
            auth: { type: header-key, keyName: X-K, key: "${secret:only.live}" }
            calls: { c: { path: /c } }
          token:
            baseUrl: http://127.0.0.1:9
            auth: { type: jwt-static, token: "${secret:jwt}" }
            calls: { c: { path: /c } }
          cert:
            baseUrl: http://127.0.0.1:9
            auth: { type: mtls, certificate: "${file:client.pem}", key: "${file:client.key}" }
            calls: { c: { path: /c } }
        """
            .formatted(PLAIN));
    put(Environment.LIVE, "stripe.live", LIVE_TEST_KEY);
    put(Environment.DEV, "stripe.test", DEV_LIVE_KEY);
    put(Environment.LIVE, "fb.live", "fallback-password-1234");
    put(Environment.LIVE, "only.live", "only-live-value-5678");
    String jwt = jwt(now.plus(Duration.ofDays(12)));
    put(Environment.DEV, "jwt", jwt);
    put(Environment.LIVE, "jwt", jwt);
    put(Environment.DEV, "session", "session-secret-abcdefghijklmnopqrstuvwxyz012345");
    put(Environment.LIVE, "session", "session-secret-abcdefghijklmnopqrstuvwxyz012345");
  }

  private void put(Environment env, String name, String value) {
    stored.put(env.configName() + "/" + name, Secret.of(value));
  }

  private static String jwt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(
            ("{\"sub\":\"svc\",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  private DoctorReport examine(Instant at, Optional<Environment> env) {
    return new Doctor(config, name -> null, secrets, origins, Clock.fixed(at, ZoneOffset.UTC))
        .examine(env);
  }

  private static List<String> texts(DoctorReport report, Finding.Severity severity) {
    return report.findings(severity).stream().map(Finding::toString).toList();
  }

  @Test
  @DisplayName("lists which reference each environment uses, and where it is, never a value")
  void uses() {
    DoctorReport report = examine(now, Optional.empty());

    assertThat(report.environment()).isEqualTo("dev");
    assertThat(report.uses().get("collections.payments (header-key)"))
        .containsExactly(
            new ValueUse("auth.key", "dev", "${secret:stripe.test} (store)"),
            new ValueUse("auth.key", "live", "${secret:stripe.live} (store)"));
    assertThat(report.uses().get("collections.storeFallback (header-key)"))
        .containsExactly(
            new ValueUse("auth.key", "dev", "${secret:only.live} (the live value)"),
            new ValueUse("auth.key", "live", "${secret:only.live} (store)"));
    assertThat(report.uses().get("collections.plain (query-key)"))
        .contains(new ValueUse("auth.key", "dev", "plain text"));
    assertThat(report.uses().get("callers.app"))
        .contains(new ValueUse("session.secret", "live", "${secret:session} (store)"));
    assertThat(report.toString())
        .doesNotContain(LIVE_TEST_KEY, DEV_LIVE_KEY, PLAIN, "fallback-password", "only-live-value");
  }

  @Test
  @DisplayName("flags plain text, dev fallbacks, a test key in live and a live key in dev")
  void findings() {
    DoctorReport report = examine(now, Optional.empty());

    assertThat(texts(report, Finding.Severity.ERROR))
        .containsExactly(
            "collections.payments.auth.key: live uses what looks like a test key (sk_test_)");
    assertThat(texts(report, Finding.Severity.WARNING))
        .contains(
            "collections.payments.auth.key: dev uses what looks like a live key (sk_live_)",
            "collections.scopedFallback.auth.password: no dev value, so dev uses the LIVE value")
        .anyMatch(w -> w.startsWith("collections.plain.auth.key: a secret in plain text"))
        .anyMatch(
            w ->
                w.startsWith(
                    "collections.storeFallback.auth.key: no dev value of secret only.live"));
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.findings().toString())
        .doesNotContain(LIVE_TEST_KEY, DEV_LIVE_KEY, PLAIN, "fallback-password", "only-live-value");
  }

  @Test
  @DisplayName("warns of a static JWT and a client certificate that expire within 30 days")
  void nearExpiry() {
    DoctorReport report = examine(now, Optional.empty());

    assertThat(texts(report, Finding.Severity.WARNING))
        .contains(
            "collections.token.auth.token: the static JWT expires on 2026-06-13, in 12 days (dev)",
            "collections.cert.auth.certificate: the client certificate expires on 2026-06-11, in 10"
                + " days (dev)");
  }

  @Test
  @DisplayName("an expired static JWT or client certificate is an error")
  void expired() {
    DoctorReport report = examine(now.plus(Duration.ofDays(20)), Optional.empty());

    assertThat(texts(report, Finding.Severity.ERROR))
        .contains(
            "collections.token.auth.token: the static JWT expired on 2026-06-13 (dev)",
            "collections.cert.auth.certificate: the client certificate expired on 2026-06-11 (dev)");
  }

  @Test
  @DisplayName("with --env live, live values that are missing are errors, each named")
  void liveMissing() {
    stored.remove("live/only.live");
    stored.remove("live/fb.live");

    DoctorReport report = examine(now, Optional.of(Environment.LIVE));

    assertThat(report.environment()).isEqualTo("live");
    assertThat(texts(report, Finding.Severity.ERROR))
        .anyMatch(
            e -> e.startsWith("collections.storeFallback.auth.key:") && e.contains("only.live"))
        .anyMatch(e -> e.startsWith("collections.scopedFallback.auth.password:"));
  }
}
