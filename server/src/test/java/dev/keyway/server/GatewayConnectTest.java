package dev.keyway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.OAuthServer;
import dev.keyway.testkit.Sandbox;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code flow end to end: the test plays the browser (follows each redirect by
 * hand) between a real gateway and the sandbox's authorization server.
 */
@DisplayName("End users connect their accounts through the gateway")
class GatewayConnectTest {

  private static final String SESSION_SECRET = "connect-session-secret-0123456789abcdef";
  private static final String RETURN_TO = "https://app.example.com/settings/connections";
  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static final String CONFIG =
      """
      callers:
        webapp:
          session: { algorithm: HS256, secret: "${secret:session}", maxLifetime: 15m }
          allow: ["*"]
          returnTo: ["%s"]
      collections:
        calendar:
          baseUrl: ${env:SANDBOX}
          auth:
            type: oauth2-authorization-code
            clientId: ${env:CLIENT_ID}
            clientSecret: "${secret:client}"
            scope: "calendar.read email"
            loginDialogUrl: "${env:SANDBOX}/oauth/authorize"
            tokenEndpoint: "${env:SANDBOX}/oauth/token"
            userProfileEndpoint: "${env:SANDBOX}/oauth/userinfo"
            revocationEndpoint: "${env:SANDBOX}/oauth/revoke"
            %s
          calls:
            me: { path: /oauth/api/me }
      """;

  private final FakeClock clock = new FakeClock();
  private Sandbox sandbox;
  private Keyway keyway;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop(Duration.ofSeconds(5));
    }
    if (keyway != null) {
      keyway.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private OAuthServer start(String extraAuth) {
    sandbox = Sandbox.builder().clock(clock).start();
    OAuthServer oauth = sandbox.oauth();
    Map<String, String> secrets = new HashMap<>();
    secrets.put("session", SESSION_SECRET);
    secrets.put("client", oauth.clientSecret());
    Map<String, String> variables =
        Map.of("SANDBOX", sandbox.baseUrl().toString(), "CLIENT_ID", oauth.clientId());
    keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(secrets))
                    .withEnvironmentVariables(variables::get)
                    .parse(CONFIG.formatted(RETURN_TO, extraAuth)))
            .clock(clock)
            .build();
    gateway = Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).clock(clock).start();
    return oauth;
  }

  private String session(String user) {
    return SessionTokens.hs256(SESSION_SECRET, user, clock.instant(), Duration.ofMinutes(10));
  }

  private static HttpResponse<String> get(URI uri, String session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (session != null) {
      request.header("Authorization", "Bearer " + session);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI location(HttpResponse<String> response) {
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    new QueryStringDecoder(uri, StandardCharsets.UTF_8)
        .parameters()
        .forEach((name, values) -> query.put(name, values.get(0)));
    return query;
  }

  private URI connectUrl(String returnTo) {
    return URI.create(
        gateway.baseUrl()
            + "/oauth/calendar/connect?return_to="
            + java.net.URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
  }

  /** Plays the browser through the whole flow as {@code user}; returns the last redirect. */
  private HttpResponse<String> connect(String user) {
    HttpResponse<String> toLogin = get(connectUrl(RETURN_TO), session(user));
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(toLogin.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(toLogin.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    HttpResponse<String> toCallback =
        get(URI.create(location(toLogin) + "&sandbox_user=" + user), null);
    assertThat(toCallback.statusCode()).isEqualTo(302);
    return get(location(toCallback), null);
  }

  private HttpResponse<String> call(String user) {
    return send(
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/calls/calendar/me"))
            .header("Authorization", "Bearer " + session(user))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json")
            .build());
  }

  @Test
  @DisplayName("two users connect separately and each call carries that user's token")
  void twoUsers() {
    start("");
    HttpResponse<String> back = connect("alice");
    assertThat(back.statusCode()).isEqualTo(303);
    URI returned = location(back);
    assertThat(returned.toString()).startsWith(RETURN_TO + "?connected=calendar");
    assertThat(query(returned)).doesNotContainKeys("code", "state");
    assertThat(connect("bob").statusCode()).isEqualTo(303);

    assertThat(call("alice").body()).contains("\"client\":\"alice\"");
    assertThat(call("bob").body()).contains("\"client\":\"bob\"");

    HttpResponse<String> info =
        get(URI.create(gateway.baseUrl() + "/oauth/calendar/connection"), session("alice"));
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"connected\":true").contains("alice@example.test");
  }

  @Test
  @DisplayName("PKCE S256 is sent by default, and the login URL carries every parameter")
  void loginUrl() {
    OAuthServer oauth = start("accessTypeOffline: true");
    URI login = location(get(connectUrl(RETURN_TO), session("alice")));
    Map<String, String> query = query(login);

    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", oauth.clientId())
        .containsEntry("scope", "calendar.read email")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("access_type", "offline")
        .containsEntry("redirect_uri", gateway.baseUrl() + "/oauth/calendar/callback");
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(22);
    assertThat(query.get("code_challenge")).hasSize(43);
  }

  @Test
  @DisplayName("a forged or replayed state is a 400 and the sandbox sees no token request")
  void badState() {
    OAuthServer oauth = start("");
    HttpResponse<String> forged =
        get(URI.create(gateway.baseUrl() + "/oauth/calendar/callback?code=x&state=forged"), null);
    assertThat(forged.statusCode()).isEqualTo(400);

    HttpResponse<String> toLogin = get(connectUrl(RETURN_TO), session("alice"));
    URI callback = location(get(location(toLogin), null));
    assertThat(get(callback, null).statusCode()).isEqualTo(303);
    int exchanges = oauth.codeExchanges();
    assertThat(get(callback, null).statusCode()).as("replayed").isEqualTo(400);
    assertThat(oauth.codeExchanges()).isEqualTo(exchanges);
  }

  @Test
  @DisplayName("a return_to elsewhere is refused before any redirect")
  void returnTo() {
    start("");
    for (String elsewhere :
        List.of(
            "https://evil.example.com/settings/connections",
            "https://app.example.com/other",
            "https://app.example.com/settings/connectionsX")) {
      HttpResponse<String> refused = get(connectUrl(elsewhere), session("alice"));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
    }
  }

  @Test
  @DisplayName("a denied consent goes back with an error flag and stores nothing")
  void denied() {
    OAuthServer oauth = start("");
    oauth.denyAuthorization(true);
    HttpResponse<String> back = connect("alice");
    assertThat(location(back).toString()).contains("error=access_denied");
    assertThat(call("alice").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("a user without a connection gets 401 with the connect URL")
  void notConnected() {
    start("");
    HttpResponse<String> response = call("carol");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .contains("connection-required")
        .contains(gateway.baseUrl() + "/oauth/calendar/connect");
  }

  @Test
  @DisplayName(
      "token as querystring, basic auth on the token request, generic redirect URL and custom profile paths change the wire")
  void options() {
    OAuthServer oauth =
        start(
            String.join(
                "\n      ",
                "tokenAsQuerystring: true",
                "tokenRequestUsesBasicAuth: true",
                "genericRedirectUrl: true",
                "userIdPath: account.uid",
                "userEmailPath: account.contact.mail"));
    oauth.formEncodedTokenResponses(true);
    URI login = location(get(connectUrl(RETURN_TO), session("alice")));
    assertThat(query(login)).containsEntry("redirect_uri", gateway.baseUrl() + "/oauth/callback");

    URI callback = location(get(login, null));
    assertThat(callback.getPath()).isEqualTo("/oauth/callback");
    assertThat(get(callback, null).statusCode()).isEqualTo(303);
    assertThat(
            sandbox.requests().stream()
                .filter(r -> r.rawPath().equals("/oauth/token"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .header("Authorization"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
    HttpResponse<String> info =
        get(URI.create(gateway.baseUrl() + "/oauth/calendar/connection"), session("alice"));
    assertThat(info.body())
        .contains("\"providerUserId\":\"alice-uid\"")
        .contains("alice@corp.test");
    assertThat(call("alice").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("at expiry, concurrent calls of a user cause one refresh")
  void refresh() {
    OAuthServer oauth = start("");
    oauth.tokenLifetime(Duration.ofMinutes(5));
    connect("alice");
    clock.advance(Duration.ofMinutes(6));
    int before = oauth.refreshes();

    List<CompletableFuture<HttpResponse<String>>> calls =
        java.util.stream.IntStream.range(0, 20)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> call("alice")))
            .toList();
    assertThat(calls.stream().map(CompletableFuture::join)).allMatch(r -> r.statusCode() == 200);
    assertThat(oauth.refreshes() - before).isEqualTo(1);
  }

  @Test
  @DisplayName("invalid_grant on refresh: 401 with the connect URL")
  void invalidGrant() {
    OAuthServer oauth = start("");
    oauth.tokenLifetime(Duration.ofMinutes(5));
    connect("alice");
    oauth.revokeAll();
    clock.advance(Duration.ofMinutes(6));

    HttpResponse<String> response = call("alice");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("/oauth/calendar/connect");
  }

  @Test
  @DisplayName("disconnect revokes at the sandbox and deletes the connection")
  void disconnect() {
    OAuthServer oauth = start("");
    connect("alice");
    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/oauth/calendar/connection"))
                .header("Authorization", "Bearer " + session("alice"))
                .DELETE()
                .build());
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body()).contains("\"disconnected\":true");
    assertThat(oauth.revocations()).isGreaterThanOrEqualTo(1);
    assertThat(call("alice").statusCode()).isEqualTo(401);
  }
}
