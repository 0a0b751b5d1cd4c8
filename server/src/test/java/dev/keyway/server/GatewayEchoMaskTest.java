package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.auth.CallerKeys;
import dev.keyway.testkit.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The gateway masks credentials an upstream echoes, as the answer streams")
class GatewayEchoMaskTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String HEADER_KEY = "echoed-header-key-7Hq2LmZx9Pw4Rt6Y";
  private static final String QUERY_KEY = "echoed-query-key-Kp3Vn8Bq1Wd5Zs0M";
  private static final String USER = "echo-user";
  private static final String PASSWORD = "echoed-password-Jf6Tg2Hc8Nx4Lq1R";
  private static final String SPLIT_KEY = "split-key-aaaaBBBBccccDDDDeeeeFFFF0123";

  private static final String CONFIG =
      """
      callers:
        backend: { key: "%s", allow: ["*"] }
      collections:
        headerKey:
          baseUrl: ${env:SANDBOX}
          auth: { type: header-key, keyName: X-Api-Key, key: "${secret:headerKey}" }
          calls: { ok: { path: /echo/show }, failing: { path: /echo-status/500/show } }
        queryKey:
          baseUrl: ${env:SANDBOX}
          auth: { type: query-key, keyName: api_key, key: "${secret:queryKey}" }
          calls: { ok: { path: /echo/show }, failing: { path: /echo-status/500/show } }
        basic:
          baseUrl: ${env:SANDBOX}
          auth: { type: basic, username: "${secret:basicUser}", password: "${secret:basicPassword}" }
          calls: { ok: { path: /echo/show }, failing: { path: /echo-status/500/show } }
        split:
          baseUrl: ${env:SPLIT}
          auth: { type: header-key, keyName: X-Api-Key, key: "${secret:split}" }
          calls:
            echo: { path: /split }
      """;

  private static Sandbox sandbox;
  private static SplitEchoUpstream split;
  private static Keyway keyway;
  private static Gateway gateway;
  private static final String CALLER_KEY = CallerKeys.newKey();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    split = new SplitEchoUpstream();
    Map<String, String> secrets =
        Map.of(
            "headerKey", HEADER_KEY,
            "queryKey", QUERY_KEY,
            "basicUser", USER,
            "basicPassword", PASSWORD,
            "split", SPLIT_KEY);
    Map<String, String> variables =
        Map.of("SANDBOX", sandbox.baseUrl().toString(), "SPLIT", split.baseUrl().toString());
    keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(secrets))
                    .withEnvironmentVariables(variables::get)
                    .parse(CONFIG.formatted(CallerKeys.hash(CALLER_KEY))))
            .build();
    gateway = Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).start();
  }

  @AfterAll
  static void stop() {
    gateway.stop(Duration.ofSeconds(5));
    keyway.close();
    split.close();
    sandbox.close();
  }

  private static HttpResponse<String> call(String collection, String call) {
    return Http.send(
        Http.post(gateway.baseUrl(), "/v1/calls/" + collection + "/" + call, "{}")
            .header("Authorization", "Bearer " + CALLER_KEY));
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stars(String value) {
    return "*".repeat(value.getBytes(StandardCharsets.UTF_8).length);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ok", "failing"})
  @DisplayName("a header key echoed in the body reaches the caller as a mask (200 and 500)")
  void headerKey(String call) {
    HttpResponse<String> response = call("headerKey", call);

    assertThat(response.statusCode()).isEqualTo(call.equals("ok") ? 200 : 500);
    assertThat(sandbox.lastRequest().header("X-Api-Key")).contains(HEADER_KEY);
    assertThat(response.body()).doesNotContain(HEADER_KEY);
    assertThat(json(response).path("headers").path("x-api-key").get(0).asText())
        .isEqualTo(stars(HEADER_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ok", "failing"})
  @DisplayName("a query key echoed in the body reaches the caller as a mask (200 and 500)")
  void queryKey(String call) {
    HttpResponse<String> response = call("queryKey", call);

    assertThat(response.statusCode()).isEqualTo(call.equals("ok") ? 200 : 500);
    assertThat(response.body()).doesNotContain(QUERY_KEY);
    assertThat(json(response).path("query").toString()).contains(stars(QUERY_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ok", "failing"})
  @DisplayName("a Basic header echoed in the body reaches the caller as a mask (200 and 500)")
  void basic(String call) {
    String header =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = call("basic", call);

    assertThat(response.statusCode()).isEqualTo(call.equals("ok") ? 200 : 500);
    assertThat(sandbox.lastRequest().header("Authorization")).contains(header);
    assertThat(response.body()).doesNotContain(header.substring(6)).doesNotContain(PASSWORD);
    assertThat(json(response).path("headers").path("authorization").get(0).asText())
        .isEqualTo(stars(header));
  }

  @Test
  @DisplayName("a key split across two body chunks, and one in a header field, are masked")
  void straddlingKey() {
    HttpResponse<String> response = call("split", "echo");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(split.received()).last().isEqualTo(SPLIT_KEY);
    assertThat(response.body()).isEqualTo("{\"echo\":\"" + stars(SPLIT_KEY) + "\"}");
    assertThat(response.headers().firstValue("Link"))
        .contains("<https://up.example/next?key=" + stars(SPLIT_KEY) + ">");
  }
}
