package dev.keyway.testkit;

import static dev.keyway.testkit.LoopbackClient.get;
import static dev.keyway.testkit.LoopbackClient.request;
import static dev.keyway.testkit.LoopbackClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sandbox /echo-status/{code}")
class SandboxEchoStatusTest {

  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  @DisplayName("answers with the status asked for and echoes the headers and the query")
  void echoesWithStatus() {
    HttpResponse<String> response =
        send(
            request(sandbox, "/echo-status/500/v1/x?api_key=k-123")
                .header("X-Api-Key", "h-456")
                .build());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("\"path\":\"/echo-status/500/v1/x\"")
        .contains("\"query\":{\"api_key\":[\"k-123\"]}")
        .contains("\"x-api-key\":[\"h-456\"]");
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/echo-status/500/v1/x");
  }

  @Test
  @DisplayName("works for the status code alone, without a path below it")
  void codeAlone() {
    assertThat(get(sandbox, "/echo-status/418").statusCode()).isEqualTo(418);
  }

  @Test
  @DisplayName("refuses a code outside 200 to 599, or one that has no body")
  void badCodes() {
    assertThat(get(sandbox, "/echo-status/199").statusCode()).isEqualTo(400);
    assertThat(get(sandbox, "/echo-status/600").statusCode()).isEqualTo(400);
    assertThat(get(sandbox, "/echo-status/204").statusCode()).isEqualTo(400);
    assertThat(get(sandbox, "/echo-status/abc").statusCode()).isEqualTo(404);
    assertThat(get(sandbox, "/echo-status").statusCode()).isEqualTo(404);
  }
}
