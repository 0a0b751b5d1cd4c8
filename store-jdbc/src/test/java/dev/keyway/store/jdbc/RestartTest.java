package dev.keyway.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.CallRequest;
import dev.keyway.core.Keyway;
import dev.keyway.core.connect.ConnectOutcome;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.OAuthServer;
import dev.keyway.testkit.Sandbox;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's connection outlives the process that made it, on the same H2 file. */
@DisplayName("A restart keeps users connected")
class RestartTest {

  @TempDir Path dir;

  private static Map<String, Object> tree(OAuthServer oauth, URI base) {
    Map<String, Object> auth = new HashMap<>();
    auth.put("type", "oauth2-authorization-code");
    auth.put("clientId", oauth.clientId());
    auth.put("clientSecret", oauth.clientSecret());
    auth.put("loginDialogUrl", oauth.authorizeUrl().toString());
    auth.put("tokenEndpoint", oauth.tokenUrl().toString());
    auth.put("userProfileEndpoint", oauth.userinfoUrl().toString());
    return Map.of(
        "collections",
        Map.of(
            "calendar",
            Map.of(
                "baseUrl", base.toString(),
                "auth", auth,
                "calls", Map.of("me", Map.of("method", "GET", "path", "/oauth/api/me")))));
  }

  private static Keyway node(Map<String, Object> tree, JdbcTokenStore store, FakeClock clock) {
    return Keyway.builder().configTree(tree).clock(clock).tokenStore(store).closing(store).build();
  }

  @Test
  @DisplayName(
      "connect, stop, start again on the same file: the user's calls work without reconnecting")
  void restart() throws Exception {
    FakeClock clock = new FakeClock();
    MasterKey master = MasterKey.generate();
    Path file = dir.resolve("keyway-tokens");
    try (Sandbox sandbox = Sandbox.builder().clock(clock).start()) {
      OAuthServer oauth = sandbox.oauth();
      oauth.tokenLifetime(Duration.ofMinutes(5));
      Map<String, Object> tree = tree(oauth, sandbox.baseUrl());

      try (Keyway before = node(tree, JdbcTokenStore.h2(file, master), clock)) {
        URI login =
            before
                .connections()
                .start(
                    "calendar",
                    "u-42",
                    URI.create("https://app.example/done"),
                    URI.create("http://127.0.0.1:1/oauth/calendar/callback"));
        HttpResponse<String> approved =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(login + "&sandbox_user=bob")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        Map<String, String> params = new HashMap<>();
        new QueryStringDecoder(callback, StandardCharsets.UTF_8)
            .parameters()
            .forEach((name, values) -> params.put(name, values.get(0)));
        ConnectOutcome outcome =
            before
                .connections()
                .finish(params, Optional.of("calendar"))
                .toCompletableFuture()
                .join();
        assertThat(outcome.connected()).isTrue();
      }
      int exchanges = oauth.codeExchanges();

      clock.advance(Duration.ofMinutes(10)); // the access token expired while the server was down
      try (Keyway after = node(tree, JdbcTokenStore.h2(file, master), clock)) {
        assertThat(
                after
                    .call(CallRequest.of("calendar", "me", Map.of()).forUser("u-42"))
                    .toCompletableFuture()
                    .join()
                    .status())
            .isEqualTo(200);
        assertThat(
                after
                    .connections()
                    .connection("calendar", "u-42")
                    .toCompletableFuture()
                    .join()
                    .orElseThrow()
                    .email())
            .contains("bob@example.test");
      }
      assertThat(oauth.codeExchanges()).as("no new connect").isEqualTo(exchanges);
      assertThat(oauth.refreshes()).as("the stored refresh token renewed it").isEqualTo(1);
    }
  }
}
