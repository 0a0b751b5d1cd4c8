package dev.keyway.testkit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code /oauth/api/**}, the protected resource of the sandbox's authorization server (RFC
 * 6750 §2.1, §3): 200 for {@code Authorization: Bearer <token>} with a token the server issued that
 * is neither expired by the sandbox's clock nor revoked; 401 with a {@code Bearer} challenge
 * otherwise ({@code error="invalid_token"} when a token was sent). Under {@code
 * /oauth/api/scope-denied/**} a valid token gets 403 {@code insufficient_scope}.
 */
final class OAuthApiRoute implements Route {

  private static final String BEARER = "bearer ";
  private static final String CHALLENGE = "Bearer realm=\"sandbox\"";
  private static final String SCOPE_DENIED = "/oauth/api/scope-denied";

  private final TokenStore store;
  private final OAuthPolicy policy;
  private final Clock clock;

  OAuthApiRoute(TokenStore store, OAuthPolicy policy, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public String prefix() {
    return "/oauth/api";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    List<String> values = request.headers().all("Authorization");
    if (values.size() > 1) {
      return refuse(400, "invalid_request");
    }
    Optional<String> token =
        values.stream()
            .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BEARER))
            .map(value -> value.substring(BEARER.length()))
            .findFirst();
    if (token.isEmpty() && !policy.alwaysUnauthorized()) {
      return Reply.json(
          401, Map.of("WWW-Authenticate", CHALLENGE), Map.of("error", "unauthorized"));
    }
    Optional<Grant> grant =
        policy.alwaysUnauthorized()
            ? Optional.empty()
            : store.validAccess(token.get(), clock.instant());
    if (grant.isEmpty()) {
      return refuse(401, "invalid_token");
    }
    String path = request.rawPath();
    if (path.equals(SCOPE_DENIED) || path.startsWith(SCOPE_DENIED + "/")) {
      return refuse(403, "insufficient_scope");
    }
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("ok", true);
    ok.put("realm", "oauth");
    ok.put("client", grant.get().subject());
    return Reply.json(200, ok);
  }

  private static Reply refuse(int status, String error) {
    return Reply.json(
        status,
        Map.of("WWW-Authenticate", CHALLENGE + ", error=\"" + error + "\""),
        Map.of("error", error));
  }
}
