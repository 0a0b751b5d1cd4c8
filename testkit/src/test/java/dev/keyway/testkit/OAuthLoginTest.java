package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's custom login endpoint")
class OAuthLoginTest {

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private HttpResponse<String> login(String key, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(oauth.loginUrl())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("X-Login-Key", key);
    }
    return LoopbackClient.send(request.build());
  }

  private String credentials(String user, String pass) {
    return "{\"user\":\"" + user + "\",\"pass\":\"" + pass + "\"}";
  }

  @Test
  @DisplayName("answers {data:{token,ttl}}; the token opens /oauth/api until ttl passes")
  void login() {
    HttpResponse<String> response =
        login(oauth.loginKey(), credentials(oauth.loginUser(), oauth.loginPassword()));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode data = OAuthCalls.json(response).get("data");
    assertThat(data.get("ttl").asLong()).isEqualTo(3600);
    String token = data.get("token").asText();
    assertThat(OAuthCalls.api(sandbox, "", token).body())
        .contains("\"client\":\"" + oauth.loginUser() + "\"");
    assertThat(oauth.tokenRequests("login")).isEqualTo(1);
    assertThat(oauth.issuedAccessTokens()).containsExactly(token);
    clock.advance(Duration.ofHours(1));
    assertThat(OAuthCalls.api(sandbox, "", token).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("refuses a wrong key, user or pass, a missing key, and a non-JSON body")
  void refusals() {
    String good = credentials(oauth.loginUser(), oauth.loginPassword());
    List<HttpResponse<String>> refused =
        List.of(
            login(oauth.loginKey() + "x", good),
            login(null, good),
            login(oauth.loginKey(), credentials(oauth.loginUser(), "wrong")),
            login(oauth.loginKey(), credentials("someone", oauth.loginPassword())),
            login(oauth.loginKey(), "user=a&pass=b"),
            login(oauth.loginKey(), "{\"user\":1,\"pass\":2}"));

    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"bad login\"}");
    }
    assertThat(oauth.tokenRequests()).isEqualTo(6);
    assertThat(oauth.issuedAccessTokens()).isEmpty();
  }

  @Test
  @DisplayName("chosen login credentials, and injected failures apply here too")
  void chosenAndFailing() {
    try (Sandbox chosen = Sandbox.builder().oauthLogin("ann", "pw", "key-1").start()) {
      chosen.oauth().failNext(1, 503, Duration.ofSeconds(5));
      HttpRequest request =
          HttpRequest.newBuilder(chosen.oauth().loginUrl())
              .header("X-Login-Key", "key-1")
              .POST(HttpRequest.BodyPublishers.ofString(credentials("ann", "pw")))
              .build();

      HttpResponse<String> failed = LoopbackClient.send(request);
      HttpResponse<String> ok = LoopbackClient.send(request);

      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.headers().firstValue("Retry-After")).contains("5");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(chosen.oauth().tokenRequests("login")).isEqualTo(2);
    }
  }
}
