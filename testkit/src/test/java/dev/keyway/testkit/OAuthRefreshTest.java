package dev.keyway.testkit;

import static dev.keyway.testkit.OAuthCalls.api;
import static dev.keyway.testkit.OAuthCalls.error;
import static dev.keyway.testkit.OAuthCalls.json;
import static dev.keyway.testkit.OAuthCalls.refresh;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's refresh tokens")
class OAuthRefreshTest {

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final OAuthServer oauth = sandbox.oauth();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  @DisplayName("rotate: each refresh returns a new refresh token and a new working access token")
  void rotation() {
    JsonNode first = OAuthCalls.passwordGrant(sandbox);

    HttpResponse<String> response = refresh(sandbox, first.get("refresh_token").asText());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode second = json(response);
    assertThat(second.get("refresh_token").asText())
        .isNotEmpty()
        .isNotEqualTo(first.get("refresh_token").asText());
    assertThat(second.get("access_token").asText())
        .isNotEqualTo(first.get("access_token").asText());
    assertThat(api(sandbox, "", second.get("access_token").asText()).statusCode()).isEqualTo(200);
    assertThat(refresh(sandbox, second.get("refresh_token").asText()).statusCode()).isEqualTo(200);
    assertThat(oauth.refreshes()).isEqualTo(2);
    assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(2);
  }

  @Test
  @DisplayName("reuse of a retired refresh token is invalid_grant and revokes the whole family")
  void reuseRevokesFamily() {
    JsonNode first = OAuthCalls.passwordGrant(sandbox);
    JsonNode second = json(refresh(sandbox, first.get("refresh_token").asText()));
    JsonNode other = OAuthCalls.passwordGrant(sandbox);

    HttpResponse<String> reuse = refresh(sandbox, first.get("refresh_token").asText());

    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(error(reuse)).isEqualTo("invalid_grant");
    assertThat(oauth.reuseDetections()).isEqualTo(1);
    assertThat(oauth.invalidGrants()).isEqualTo(1);
    assertThat(api(sandbox, "", first.get("access_token").asText()).statusCode()).isEqualTo(401);
    assertThat(api(sandbox, "", second.get("access_token").asText()).statusCode()).isEqualTo(401);
    HttpResponse<String> descendant = refresh(sandbox, second.get("refresh_token").asText());
    assertThat(error(descendant)).isEqualTo("invalid_grant");
    assertThat(api(sandbox, "", other.get("access_token").asText()).statusCode())
        .as("another grant's family is untouched")
        .isEqualTo(200);
    assertThat(refresh(sandbox, other.get("refresh_token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("sixteen racing refreshes of one token: one wins, one is reuse, the rest too late")
  void racingRefreshes() {
    String refreshToken = OAuthCalls.passwordGrant(sandbox).get("refresh_token").asText();

    List<CompletableFuture<HttpResponse<String>>> calls =
        IntStream.range(0, 16)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> refresh(sandbox, refreshToken)))
            .toList();
    List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
    assertThat(responses)
        .filteredOn(r -> r.statusCode() == 400)
        .hasSize(15)
        .allSatisfy(r -> assertThat(error(r)).isEqualTo("invalid_grant"));
    assertThat(oauth.reuseDetections()).as("the first reuse revoked the family").isEqualTo(1);
  }

  @Test
  @DisplayName("without rotation: no new refresh token, and the old one stays valid")
  void noRotation() {
    oauth.rotateRefreshTokens(false);
    String refreshToken = OAuthCalls.passwordGrant(sandbox).get("refresh_token").asText();

    JsonNode first = json(refresh(sandbox, refreshToken));
    HttpResponse<String> again = refresh(sandbox, refreshToken);

    assertThat(first.has("refresh_token")).isFalse();
    assertThat(first.get("access_token").asText()).isNotEmpty();
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(oauth.reuseDetections()).isZero();
  }

  @Test
  @DisplayName("a refresh token is refused when unknown, another client's, revoked or expired")
  void refusals() {
    String refreshToken = OAuthCalls.passwordGrant(sandbox).get("refresh_token").asText();
    HttpResponse<String> otherClient =
        OAuthCalls.token(
            sandbox,
            null,
            OAuthCalls.fields(
                "grant_type",
                "refresh_token",
                "client_id",
                oauth.publicClientId(),
                "refresh_token",
                refreshToken));

    assertThat(error(refresh(sandbox, "not-a-token"))).isEqualTo("invalid_grant");
    assertThat(error(otherClient)).isEqualTo("invalid_grant");
    assertThat(refresh(sandbox, refreshToken).statusCode())
        .as("the other client's attempt did not use it up")
        .isEqualTo(200);

    oauth.rotateRefreshTokens(false);
    String revoked = OAuthCalls.passwordGrant(sandbox).get("refresh_token").asText();
    assertThat(oauth.revoke(revoked)).isTrue();
    assertThat(error(refresh(sandbox, revoked))).isEqualTo("invalid_grant");

    oauth.refreshTokenLifetime(Duration.ofDays(1));
    String expiring = OAuthCalls.passwordGrant(sandbox).get("refresh_token").asText();
    assertThat(refresh(sandbox, expiring).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofDays(1));
    assertThat(error(refresh(sandbox, expiring))).isEqualTo("invalid_grant");
    assertThat(oauth.invalidGrants()).isEqualTo(4);
  }

  @Test
  @DisplayName("a refresh may narrow the scope, never widen it (invalid_scope, token kept)")
  void scope() {
    HttpResponse<String> granted =
        OAuthCalls.tokenAsClient(
            sandbox,
            "grant_type",
            "password",
            "username",
            oauth.username(),
            "password",
            oauth.password(),
            "scope",
            "read write");
    String refreshToken = json(granted).get("refresh_token").asText();

    HttpResponse<String> wider =
        OAuthCalls.tokenAsClient(
            sandbox,
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken,
            "scope",
            "admin");
    HttpResponse<String> narrower =
        OAuthCalls.tokenAsClient(
            sandbox, "grant_type", "refresh_token", "refresh_token", refreshToken, "scope", "read");

    assertThat(error(wider)).isEqualTo("invalid_scope");
    assertThat(narrower.statusCode()).isEqualTo(200);
    assertThat(json(narrower).get("scope").asText()).isEqualTo("read");
    HttpResponse<String> rotated =
        OAuthCalls.tokenAsClient(
            sandbox,
            "grant_type",
            "refresh_token",
            "refresh_token",
            json(narrower).get("refresh_token").asText(),
            "scope",
            "write");
    assertThat(rotated.statusCode())
        .as("the rotated refresh token keeps the original scope")
        .isEqualTo(200);
  }
}
