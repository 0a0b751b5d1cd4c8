package dev.keyway.testkit;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code POST /oauth/login}, a custom (not RFC) login API of the kind the {@code
 * oauth2-custom-token} method calls: a JSON body {@code {"user":..,"pass":..}} and header {@code
 * X-Login-Key}, answered with {@code {"data":{"token":..,"ttl":..}}}, or 401 {@code {"message":"bad
 * login"}}. Its tokens open {@code /oauth/api/**} like the token endpoint's. Counted as grant type
 * {@code login}; injected failures and delays apply as on the token endpoint.
 */
final class LoginRoute implements Route {

  static final String KEY_HEADER = "X-Login-Key";
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final OAuthAccounts accounts;
  private final TokenIssuer issuer;
  private final OAuthCounters counters;
  private final FailurePlan failures;

  LoginRoute(
      OAuthAccounts accounts, TokenIssuer issuer, OAuthCounters counters, FailurePlan failures) {
    this.accounts = accounts;
    this.issuer = issuer;
    this.counters = counters;
    this.failures = failures;
  }

  @Override
  public String prefix() {
    return "/oauth/login";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    if (!request.rawPath().equals(prefix())) {
      return Reply.notFound();
    }
    counters.request("login");
    Reply reply = failures.nextFailure().orElseGet(() -> login(request));
    Duration delay = failures.nextDelay();
    return delay.isZero() ? reply : reply.delayed(delay);
  }

  private Reply login(RecordedRequest request) {
    if (!request.method().equals("POST")) {
      return OAuthReplies.postOnly();
    }
    if (!accepts(request)) {
      return Reply.json(401, Map.of("message", "bad login"));
    }
    Grant grant = new Grant(accounts.loginUser(), accounts.loginUser(), "");
    String token = issuer.accessToken(grant, TokenIssuer.newFamily());
    return OAuthReplies.success(
        Map.of("data", Map.of("token", token, "ttl", issuer.lifetimeSeconds())));
  }

  private boolean accepts(RecordedRequest request) {
    List<String> keys = request.headers().all(KEY_HEADER);
    if (keys.size() != 1) {
      return false;
    }
    try {
      JsonNode body = JSON.readTree(request.body());
      JsonNode user = body.get("user");
      JsonNode pass = body.get("pass");
      if (user == null || !user.isTextual() || pass == null || !pass.isTextual()) {
        return false;
      }
      boolean key = Credentials.matches(accounts.loginKey(), keys.get(0));
      boolean userMatches = Credentials.matches(accounts.loginUser(), user.textValue());
      boolean passMatches = Credentials.matches(accounts.loginPassword(), pass.textValue());
      return key & userMatches & passMatches;
    } catch (IOException | RuntimeException notAJsonObject) {
      return false;
    }
  }
}
