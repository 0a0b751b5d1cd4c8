package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.testkit.RecordedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "Through the gateway, every auth method's credential reaches the upstream, never the caller")
class GatewayAuthMethodsTest {

  private static RunningGateway running;

  @BeforeAll
  static void start() {
    running = new RunningGateway();
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @BeforeEach
  void clear() {
    running.sandbox.clear();
  }

  private HttpResponse<String> call(String path, String json) {
    return Http.send(
        Http.post(running.base(), path, json)
            .header("Authorization", "Bearer " + running.backendKey));
  }

  private void assertNoCredentialIn(HttpResponse<String> response) {
    String everything = response.headers().map() + "\n" + response.body();
    for (String credential : running.credentials()) {
      assertThat(everything).doesNotContain(credential);
    }
    assertThat(everything).doesNotContain(running.backendKey);
  }

  @Test
  @DisplayName("header-key: the key arrives as the configured header")
  void headerKey() {
    HttpResponse<String> response = call("/v1/calls/headerKey/things", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true,\"realm\":\"header-key\"}");
    assertThat(running.sandbox.lastRequest().header("X-Api-Key"))
        .contains(running.sandbox.headerKey());
    assertNoCredentialIn(response);
  }

  @Test
  @DisplayName("query-key: the key arrives as the configured query parameter")
  void queryKey() {
    HttpResponse<String> response = call("/v1/calls/queryKey/things", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(running.sandbox.lastRequest().queryParameter("api_key"))
        .contains(running.sandbox.queryKey());
    assertNoCredentialIn(response);
  }

  @Test
  @DisplayName("body-key: the key arrives as a field of the JSON body, beside the caller's")
  void bodyKey() {
    HttpResponse<String> response = call("/v1/calls/bodyKey/create", "{\"note\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(running.sandbox.lastRequest().bodyText())
        .isEqualTo("{\"api_key\":\"" + running.sandbox.bodyKey() + "\",\"note\":\"hi\"}");
    assertNoCredentialIn(response);
  }

  @Test
  @DisplayName("basic: the user and password arrive as Authorization: Basic")
  void basic() {
    HttpResponse<String> response = call("/v1/calls/basic/me", "");

    assertThat(response.statusCode()).isEqualTo(200);
    String expected =
        Base64.getEncoder()
            .encodeToString(
                (running.sandbox.basicUsername() + ":" + running.sandbox.basicPassword())
                    .getBytes(StandardCharsets.UTF_8));
    RecordedRequest received = running.sandbox.lastRequest();
    assertThat(received.header("Authorization")).contains("Basic " + expected);
    assertNoCredentialIn(response);
  }

  @Test
  @DisplayName("none: nothing is added, and the caller's own key is not passed on")
  void none() {
    HttpResponse<String> response = call("/v1/calls/echo/show", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(running.sandbox.lastRequest().header("Authorization")).isEmpty();
    assertNoCredentialIn(response);
  }
}
