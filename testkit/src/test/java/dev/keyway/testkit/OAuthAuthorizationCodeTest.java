package dev.keyway.testkit;

import static dev.keyway.testkit.OAuthCalls.basic;
import static dev.keyway.testkit.OAuthCalls.error;
import static dev.keyway.testkit.OAuthCalls.fields;
import static dev.keyway.testkit.OAuthCalls.form;
import static dev.keyway.testkit.OAuthCalls.json;
import static dev.keyway.testkit.OAuthCalls.tokenAsClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's authorization-code flow")
class OAuthAuthorizationCodeTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abc";

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private HttpResponse<String> authorize(String... extra) {
    Map<String, String> query =
        new java.util.LinkedHashMap<>(
            fields(
                "response_type", "code",
                "client_id", oauth.clientId(),
                "redirect_uri", REDIRECT,
                "scope", "read",
                "state", "st-1",
                "code_challenge", AuthorizationCodes.s256(VERIFIER),
                "code_challenge_method", "S256"));
    query.putAll(fields(extra));
    return LoopbackClient.send(
        HttpRequest.newBuilder(URI.create(oauth.authorizeUrl() + "?" + form(query))).GET().build());
  }

  private static Map<String, String> redirectQuery(HttpResponse<String> response) {
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    Map<String, String> query = new HashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      query.put(
          pair.substring(0, equals),
          java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private String code(String... extra) {
    HttpResponse<String> response = authorize(extra);
    assertThat(response.statusCode()).isEqualTo(302);
    return redirectQuery(response).get("code");
  }

  private HttpResponse<String> exchange(String code, String redirect, String verifier) {
    return verifier == null
        ? tokenAsClient(
            sandbox, "grant_type", "authorization_code", "code", code, "redirect_uri", redirect)
        : tokenAsClient(
            sandbox,
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            redirect,
            "code_verifier",
            verifier);
  }

  private HttpResponse<String> userinfo(String token) {
    return LoopbackClient.send(
        HttpRequest.newBuilder(oauth.userinfoUrl())
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  @Test
  @DisplayName("approves alice by default and redirects with the code and the state")
  void approves() {
    HttpResponse<String> response = authorize();

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith(REDIRECT + "?code=");
    assertThat(redirectQuery(response)).containsEntry("state", "st-1").doesNotContainKey("iss");
    assertThat(oauth.authorizeRequests().get(0)).containsEntry("scope", "read");
  }

  @Test
  @DisplayName("the code, with the right verifier, buys tokens for the signed-in user, once")
  void exchangesOnce() {
    String code = code("sandbox_user", "bob");
    HttpResponse<String> first = exchange(code, REDIRECT, VERIFIER);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode tokens = json(first);
    assertThat(tokens.has("refresh_token")).isTrue();
    String access = tokens.get("access_token").asText();
    assertThat(json(userinfo(access)).get("email").asText()).isEqualTo("bob@example.test");

    HttpResponse<String> again = exchange(code, REDIRECT, VERIFIER);
    assertThat(error(again)).isEqualTo("invalid_grant");
    assertThat(userinfo(access).statusCode())
        .as("tokens of a reused code are revoked")
        .isEqualTo(401);
    assertThat(oauth.codeExchanges()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a wrong or missing verifier, another redirect_uri or an expired code is invalid_grant")
  void refusals() {
    assertThat(error(exchange(code(), REDIRECT, VERIFIER + "x"))).isEqualTo("invalid_grant");
    assertThat(error(exchange(code(), REDIRECT, null))).isEqualTo("invalid_grant");
    assertThat(error(exchange(code(), "http://127.0.0.1:9/other", VERIFIER)))
        .isEqualTo("invalid_grant");
    String old = code();
    clock.advance(Duration.ofSeconds(61));
    assertThat(error(exchange(old, REDIRECT, VERIFIER))).isEqualTo("invalid_grant");
  }

  @Test
  @DisplayName("plain PKCE and no PKCE work as RFC 7636 says")
  void plainAndNone() {
    String plain =
        code(
            "code_challenge",
            "plain-verifier-0123456789-0123456789-0123",
            "code_challenge_method",
            "plain");
    assertThat(exchange(plain, REDIRECT, "plain-verifier-0123456789-0123456789-0123").statusCode())
        .isEqualTo(200);

    HttpResponse<String> noPkce =
        LoopbackClient.send(
            HttpRequest.newBuilder(
                    URI.create(
                        oauth.authorizeUrl()
                            + "?response_type=code&client_id="
                            + oauth.clientId()
                            + "&redirect_uri="
                            + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
                .GET()
                .build());
    String code = redirectQuery(noPkce).get("code");
    assertThat(error(exchange(code, REDIRECT, VERIFIER)))
        .as("a verifier for a code without a challenge")
        .isEqualTo("invalid_grant");
  }

  @Test
  @DisplayName("deny, iss, unknown clients and foreign redirect URIs")
  void switches() {
    oauth.denyAuthorization(true);
    assertThat(redirectQuery(authorize()))
        .containsEntry("error", "access_denied")
        .containsEntry("state", "st-1");
    oauth.denyAuthorization(false);

    oauth.sendIssuer(true);
    assertThat(redirectQuery(authorize())).containsEntry("iss", oauth.issuer());

    assertThat(authorize("client_id", "nobody").statusCode()).isEqualTo(400);
    HttpResponse<String> foreign = authorize("redirect_uri", "https://evil.example/cb");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.headers().firstValue("Location")).isEmpty();
    oauth.registerRedirectUri("https://app.example/cb");
    assertThat(authorize("redirect_uri", "https://app.example/cb").statusCode()).isEqualTo(302);
    assertThat(redirectQuery(authorize("response_type", "token")))
        .containsEntry("error", "unsupported_response_type");
  }

  @Test
  @DisplayName("form-encoded token answers, when switched on")
  void formAnswers() {
    oauth.formEncodedTokenResponses(true);
    HttpResponse<String> response = exchange(code(), REDIRECT, VERIFIER);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/x-www-form-urlencoded");
    assertThat(response.body()).startsWith("access_token=").contains("&refresh_token=");
  }

  @Test
  @DisplayName("revocation of a refresh token revokes its family; the client must authenticate")
  void revocation() {
    JsonNode tokens = json(exchange(code(), REDIRECT, VERIFIER));
    HttpResponse<String> anonymous =
        LoopbackClient.send(OAuthCalls.tokenRequest(oauth.revokeUrl(), null, "token=x"));
    assertThat(anonymous.statusCode()).isEqualTo(401);

    HttpResponse<String> revoked =
        LoopbackClient.send(
            OAuthCalls.tokenRequest(
                oauth.revokeUrl(),
                basic(oauth.clientId(), oauth.clientSecret()),
                form(
                    fields(
                        "token",
                        tokens.get("refresh_token").asText(),
                        "token_type_hint",
                        "refresh_token"))));
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(oauth.revocations()).isEqualTo(1);
    assertThat(userinfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
    assertThat(error(OAuthCalls.refresh(sandbox, tokens.get("refresh_token").asText())))
        .isEqualTo("invalid_grant");
  }
}
