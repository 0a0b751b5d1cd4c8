package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.keyway.server.internal.auth.CallerKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Callers must authenticate; a refused caller causes no upstream request")
class GatewayCallerAuthTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  private static HttpResponse<String> call(String path, String authorization) {
    HttpRequest.Builder request = Http.post(running.base(), path, "{}");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Http.send(request);
  }

  private static JsonNode problem(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    return JSON.readTree(response.body());
  }

  private static void assertRefused(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode problem = problem(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("correlationId").asText())
        .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
    assertThat(running.sandbox.requestCount()).isZero();
  }

  @Test
  @DisplayName("without credentials: 401 with a Bearer challenge")
  void noCredentials() throws Exception {
    HttpResponse<String> response = call("/v1/calls/headerKey/things", null);

    assertRefused(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"keyway\"");
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:keyway:problem:unauthenticated");
  }

  @Test
  @DisplayName("a wrong caller key: 401 invalid_token")
  void wrongKey() throws Exception {
    HttpResponse<String> response =
        call("/v1/calls/headerKey/things", "Bearer " + CallerKeys.newKey());

    assertRefused(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"keyway\", error=\"invalid_token\"");
    assertThat(problem(response).get("detail").asText()).isEqualTo("the caller key is not known");
  }

  @Test
  @DisplayName("another scheme than Bearer: 401")
  void otherScheme() throws Exception {
    assertRefused(call("/v1/calls/headerKey/things", "Basic " + running.backendKey), 401);
  }

  @Test
  @DisplayName("an expired session token: 401, naming the expiry")
  void expiredSession() throws Exception {
    String token = running.sessionToken("alice", Duration.ofMinutes(5));
    running.clock.advance(Duration.ofMinutes(6));

    HttpResponse<String> response = call("/v1/calls/headerKey/things", "Bearer " + token);

    assertRefused(response, 401);
    assertThat(problem(response).get("detail").asText()).isEqualTo("the session token has expired");
  }

  @Test
  @DisplayName("an unsigned session token (alg none): 401")
  void unsignedSession() throws Exception {
    Instant now = running.clock.instant();
    String token =
        SessionTokens.unsigned(
            new JWTClaimsSet.Builder()
                .subject("mallory")
                .audience("keyway")
                .expirationTime(Date.from(now.plusSeconds(60)))
                .build());

    HttpResponse<String> response = call("/v1/calls/headerKey/things", "Bearer " + token);

    assertRefused(response, 401);
    assertThat(problem(response).get("detail").asText()).contains("alg none");
  }

  @Test
  @DisplayName("a session token signed with another secret: 401")
  void wrongSignature() throws Exception {
    String token =
        SessionTokens.hs256(
            "another-secret-of-enough-length-0123456789",
            "mallory",
            running.clock.instant(),
            Duration.ofMinutes(5));

    HttpResponse<String> response = call("/v1/calls/headerKey/things", "Bearer " + token);

    assertRefused(response, 401);
    assertThat(problem(response).get("detail").asText())
        .isEqualTo("the session token's signature does not verify with any caller's key");
  }

  @Test
  @DisplayName("a session token for another audience, or living longer than allowed: 401")
  void badClaims() throws Exception {
    Instant now = running.clock.instant();
    String otherAudience =
        SessionTokens.hs256(
            RunningGateway.SESSION_SECRET,
            now,
            claims ->
                claims
                    .audience("someone-else")
                    .subject("alice")
                    .expirationTime(Date.from(now.plusSeconds(60))));
    String tooLong = running.sessionToken("alice", Duration.ofHours(2));
    String noSubject =
        SessionTokens.hs256(
            RunningGateway.SESSION_SECRET,
            now,
            claims -> claims.expirationTime(Date.from(now.plusSeconds(60))));

    assertRefused(call("/v1/calls/headerKey/things", "Bearer " + otherAudience), 401);
    assertRefused(call("/v1/calls/headerKey/things", "Bearer " + tooLong), 401);
    assertRefused(call("/v1/calls/headerKey/things", "Bearer " + noSubject), 401);
  }

  @Test
  @DisplayName("a valid session token calls the upstream on behalf of its user")
  void validSession() {
    String token = running.sessionToken("alice", Duration.ofMinutes(5));

    HttpResponse<String> response = call("/v1/calls/headerKey/things", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(running.sandbox.requestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a caller outside its allowlist: 403")
  void outsideAllowlist() throws Exception {
    HttpResponse<String> response =
        call("/v1/calls/headerKey/things", "Bearer " + running.narrowKey);

    assertRefused(response, 403);
    assertThat(problem(response).get("detail").asText())
        .isEqualTo("caller narrow may not make headerKey.things");
  }

  @Test
  @DisplayName("a session token's calls claim narrows its caller's allowlist")
  void callsClaim() throws Exception {
    Instant now = running.clock.instant();
    String token =
        SessionTokens.hs256(
            RunningGateway.SESSION_SECRET,
            now,
            claims ->
                claims
                    .subject("alice")
                    .expirationTime(Date.from(now.plusSeconds(60)))
                    .claim("calls", List.of("echo.*")));

    assertRefused(call("/v1/calls/headerKey/things", "Bearer " + token), 403);
    assertThat(call("/v1/calls/echo/show", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("an unknown call is 404 for an authenticated caller, 401 for anyone else")
  void unknownCall() throws Exception {
    assertRefused(call("/v1/calls/nope/nothing", null), 401);
    HttpResponse<String> response = call("/v1/calls/nope/nothing", "Bearer " + running.backendKey);

    assertRefused(response, 404);
    assertThat(problem(response).get("type").asText()).isEqualTo("urn:keyway:problem:unknown-call");
  }

  @Test
  @DisplayName("a public call needs no credentials, and is rate-limited per client address")
  void publicCall() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("/v1/calls/echo/open", null).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> limited = call("/v1/calls/echo/open", null);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("20");
    assertThat(running.sandbox.requestCount()).isEqualTo(3);
    running.clock.advance(Duration.ofSeconds(20));
    assertThat(call("/v1/calls/echo/open", null).statusCode()).isEqualTo(200);
  }
}
