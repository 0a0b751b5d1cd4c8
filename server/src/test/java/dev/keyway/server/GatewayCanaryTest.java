package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.auth.CallerKeys;
import dev.keyway.testkit.Canaries;
import dev.keyway.testkit.Sandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Plants a canary in every kind of credential the gateway holds, runs the main success and failure
 * paths, and finds none of them in the log output, the callers' answers (header fields and bodies)
 * or the metrics.
 */
@DisplayName("No credential reaches a log line, a caller or the metrics, whatever happens")
class GatewayCanaryTest {

  /**
   * One kind of credential, as an auth block in front of the sandbox: {@code %1$s} in {@code auth}
   * is the collection's id, and {@code secrets} gives the values of its {@code ${secret:ID.NAME}}
   * references. Adding a kind is one line in {@link #KINDS}.
   */
  private record Kind(
      String id,
      String auth,
      String method,
      String realmPath,
      Function<Canaries, Map<String, String>> secrets,
      int wrongStatus) {

    Kind(
        String id,
        String auth,
        String method,
        String realmPath,
        Function<Canaries, Map<String, String>> secrets) {
      this(id, auth, method, realmPath, secrets, 401);
    }
  }

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "headerKey",
              "{ type: header-key, keyName: X-Api-Key, key: \"${secret:%1$s.key}\" }",
              "GET",
              "/header-key/things",
              canaries -> Map.of("key", canaries.headerKey())),
          new Kind(
              "queryKey",
              "{ type: query-key, keyName: api_key, key: \"${secret:%1$s.key}\" }",
              "GET",
              "/query-key/things",
              canaries -> Map.of("key", canaries.queryKey())),
          new Kind(
              "bodyKey",
              "{ type: body-key, keyName: api_key, key: \"${secret:%1$s.key}\" }",
              "POST",
              "/body-key/things",
              canaries -> Map.of("key", canaries.bodyKey())),
          new Kind(
              "basic",
              "{ type: basic, username: \"${secret:%1$s.user}\","
                  + " password: \"${secret:%1$s.password}\" }",
              "GET",
              "/basic/me",
              canaries ->
                  Map.of("user", canaries.basicUsername(), "password", canaries.basicPassword())),
          // A wrong client secret is refused at the token endpoint: credentials unavailable, 502.
          new Kind(
              "oauth2",
              "{ type: oauth2-client-credentials, tokenEndpoint: \"${env:SANDBOX}/oauth/token\","
                  + " clientId: canary-client, clientSecret: \"${secret:%1$s.secret}\" }",
              "GET",
              "/oauth/api/things",
              canaries -> Map.of("secret", canaries.clientSecret()),
              502));

  /** The variants of each kind: right credentials, wrong ones, and an upstream that is gone. */
  private enum Variant {
    GOOD(""),
    WRONG("Wrong"),
    GONE("Gone");

    final String suffix;

    Variant(String suffix) {
      this.suffix = suffix;
    }
  }

  private final List<String> correlationIds = new ArrayList<>();

  @Test
  @DisplayName(
      "success, wrong credentials (401), an upstream 500 echoing the request, an unreachable"
          + " upstream and refused callers leave no canary in logs, answers or /metrics")
  void runningGateway() {
    try (Canaries canaries = Canaries.plant();
        Sandbox sandbox =
            Sandbox.builder()
                .headerKey("X-Api-Key", canaries.headerKey())
                .queryKey("api_key", canaries.queryKey())
                .bodyKey("api_key", canaries.bodyKey())
                .basic(canaries.basicUsername(), canaries.basicPassword())
                .oauthClient("canary-client", canaries.clientSecret())
                .start()) {
      sandbox.oauth().refreshTokensForClientCredentials(true);
      String callerKey = CallerKeys.newKey();
      String sessionSecret = "session-secret-" + UUID.randomUUID() + UUID.randomUUID();
      Map<String, String> secrets = new HashMap<>();
      secrets.put("session", sessionSecret);
      StringBuilder collections = new StringBuilder();
      for (Kind kind : KINDS) {
        for (Variant variant : Variant.values()) {
          String id = kind.id() + variant.suffix;
          kind.secrets()
              .apply(canaries)
              .forEach(
                  (name, value) ->
                      // A wrong credential still holds its canary, so a leak of it is found too.
                      secrets.put(
                          id + "." + name, variant == Variant.WRONG ? value + "-wrong" : value));
          collections.append(collection(kind, id, variant));
        }
      }
      String yaml =
          """
          callers:
            backend: { key: "%s", allow: ["*"] }
            webapp:
              session: { algorithm: HS256, secret: "${secret:session}", maxLifetime: 15m }
              allow: ["*"]
          collections:
          %s"""
              .formatted(CallerKeys.hash(callerKey), collections);
      Map<String, String> variables =
          Map.of("SANDBOX", sandbox.baseUrl().toString(), "GONE", "http://127.0.0.1:1");
      try (Keyway keyway =
              Keyway.builder()
                  .config(
                      ConfigLoader.create()
                          .withSecrets(SecretSource.of(secrets))
                          .withEnvironmentVariables(variables::get)
                          .parse(yaml))
                  .build();
          Gateway gateway =
              Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).start()) {
        String session =
            SessionTokens.hs256(
                sessionSecret, "user-1", java.time.Instant.now(), Duration.ofMinutes(5));
        List<String> answers = new ArrayList<>();
        for (Kind kind : KINDS) {
          String body = kind.method().equals("POST") ? "{\"note\":\"hi\"}" : "{}";
          String good = kind.id();
          answers.add(expect(200, gateway, good + "/ok", body, callerKey));
          answers.add(expect(200, gateway, good + "/ok", body, session));
          answers.add(expect(200, gateway, good + "/echo", body, callerKey));
          answers.add(expect(500, gateway, good + "/failing", body, session));
          answers.add(expect(kind.wrongStatus(), gateway, kind.id() + "Wrong/ok", body, callerKey));
          answers.add(
              expect(
                  kind.wrongStatus() == 401 ? 500 : kind.wrongStatus(),
                  gateway,
                  kind.id() + "Wrong/failing",
                  body,
                  callerKey));
          answers.add(expect(502, gateway, kind.id() + "Gone/ok", body, callerKey));
          answers.add(expect(401, gateway, good + "/ok", body, callerKey + "-wrong"));
          answers.add(expect(401, gateway, good + "/ok", body, session + "x"));
        }
        String metrics = Http.send(Http.get(gateway.adminUrl(), "/metrics")).body();
        awaitAccessLines(canaries);

        assertThat(metrics).contains("keyway_calls_total");
        for (String answer : answers) {
          canaries.assertNotIn("an answer to a caller", answer);
          assertThat(answer).doesNotContain(sessionSecret);
        }
        canaries.assertNotIn("the metrics", metrics);
        canaries.assertLogsClean();
        assertThat(metrics).doesNotContain(sessionSecret, callerKey);
        assertThat(canaries.logs()).doesNotContain(sessionSecret, callerKey);
        // The tokens the sandbox issued are canaries too: none may reach a caller, a log or
        // the metrics, though the echo calls sent the access token to an upstream that echoes.
        List<String> tokens = new ArrayList<>(sandbox.oauth().issuedAccessTokens());
        tokens.addAll(sandbox.oauth().issuedRefreshTokens());
        assertThat(sandbox.oauth().issuedRefreshTokens()).isNotEmpty();
        assertThat(tokens).isNotEmpty();
        for (String token : tokens) {
          assertThat(answers).noneMatch(answer -> answer.contains(token));
          assertThat(metrics).doesNotContain(token);
          assertThat(canaries.logs()).doesNotContain(token);
        }
      }
    }
  }

  @Test
  @DisplayName("a configuration that fails at start names paths, never a canary")
  void badConfiguration() {
    try (Canaries canaries = Canaries.plant()) {
      Map<String, String> secrets = new LinkedHashMap<>();
      secrets.put("headerKey", canaries.headerKey());
      secrets.put("basicPassword", canaries.basicPassword());
      // Each is its own file: the loader reports one phase's problems at a time.
      Map<String, String> broken = new LinkedHashMap<>();
      broken.put(
          "collections.plain.auth.key",
          "auth: { type: header-key, keyName: X-Api-Key, key: { dev: \"%s\" } }"
              .formatted(canaries.headerKey()));
      broken.put(
          "collections.plain.auth",
          "auth: { type: basic, password: \"${secret:basicPassword}\", extra: \"%s\" }"
              .formatted(canaries.queryKey()));
      broken.put(
          "collections.plain.auth.type",
          "auth: { type: no-such-method, key: \"${secret:headerKey}\", other: \"%s\" }"
              .formatted(canaries.bodyKey()));
      broken.put(
          "collections.plain.timeouts.connect",
          "auth: { type: query-key, keyName: api_key, key: \"%s\" }\n    timeouts: { connect: \"%s\" }"
              .formatted(canaries.queryKey(), canaries.bodyKey()));
      broken.forEach(
          (path, collection) -> {
            String yaml =
                """
                environment: live
                collections:
                  plain:
                    baseUrl: http://127.0.0.1:1
                    %s
                    calls: { ok: { path: /ok } }
                """
                    .formatted(collection);
            Throwable loading =
                catchThrowable(
                    () ->
                        Keyway.builder()
                            .config(
                                ConfigLoader.create()
                                    .withSecrets(SecretSource.of(secrets))
                                    .parse(yaml))
                            .build());

            assertThat(loading).as(path).hasMessageContaining(path);
            canaries.assertNotIn("the configuration error at " + path, loading);
          });

      String callerKey = canaries.clientSecret();
      String callersYaml =
          """
          callers:
            backend: { key: "%s", allow: ["*"] }
            webapp:
              session: { algorithm: HS256, secret: "${secret:headerKey}", maxLifetime: "%s" }
              allow: ["*"]
          collections:
            ok:
              baseUrl: http://127.0.0.1:1
              auth: { type: none }
              calls: { ok: { path: /ok } }
          """
              .formatted(callerKey, canaries.basicPassword());
      Throwable starting;
      try (Keyway keyway =
          Keyway.builder()
              .config(
                  ConfigLoader.create().withSecrets(SecretSource.of(secrets)).parse(callersYaml))
              .build()) {
        starting =
            catchThrowable(
                () -> Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).start());
      }

      assertThat(starting).hasMessageContaining("callers.backend.key");
      canaries.assertNotIn("the gateway's start error", starting);
      canaries.assertLogsClean();
    }
  }

  private static String collection(Kind kind, String id, Variant variant) {
    String calls =
        kind.method().equals("POST")
            ? "method: POST, body: { type: json }, params: { note: { in: body } }, "
            : "method: GET, ";
    return """
          %1$s:
            baseUrl: ${env:%2$s}
            auth: %3$s
            calls:
              ok: { %4$spath: %5$s }
              echo: { %4$spath: /echo/show }
              failing: { %4$spath: /echo-status/500/show }
        """
        .formatted(
            id,
            variant == Variant.GONE ? "GONE" : "SANDBOX",
            kind.auth().formatted(id),
            calls,
            kind.realmPath());
  }

  private String expect(int status, Gateway gateway, String call, String body, String bearer) {
    HttpResponse<String> response =
        Http.send(
            Http.post(gateway.baseUrl(), "/v1/calls/" + call, body)
                .header("Authorization", "Bearer " + bearer));
    assertThat(response.statusCode()).as(call).isEqualTo(status);
    response.headers().firstValue("X-Correlation-Id").ifPresent(correlationIds::add);
    return response.headers().map() + "\n" + response.body();
  }

  /** Waits until every answer's access line was written: they may trail the answers. */
  private void awaitAccessLines(Canaries canaries) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline
        && !correlationIds.stream().allMatch(canaries.logs()::contains)) {
      Thread.onSpinWait();
    }
    assertThat(canaries.logs()).contains(correlationIds);
  }
}
