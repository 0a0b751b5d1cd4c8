package dev.keyway.testkit;

/**
 * Serves {@code POST /oauth/revoke} (RFC 7009): an authenticated client revokes an access token, or
 * a refresh token and every token of its family. Unknown tokens get 200 too (§2.2).
 */
final class RevokeRoute implements Route {

  private final ClientAuthentication clients;
  private final TokenStore store;
  private final OAuthCounters counters;

  RevokeRoute(ClientAuthentication clients, TokenStore store, OAuthCounters counters) {
    this.clients = clients;
    this.store = store;
    this.counters = counters;
  }

  @Override
  public String prefix() {
    return "/oauth/revoke";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    return answer(request, "http");
  }

  @Override
  public Reply answer(RecordedRequest request, String scheme) {
    if (!request.rawPath().equals(prefix())) {
      return Reply.notFound();
    }
    if (!request.method().equals("POST")) {
      return OAuthReplies.postOnly();
    }
    try {
      Form form = Form.of(request);
      String url = scheme + "://" + request.header("Host").orElse("") + request.rawPath();
      clients
          .authenticate(request, form, url)
          .orElseThrow(() -> OAuthRefusal.invalidClient("client authentication is required"));
      store.revoke(form.require("token"));
      counters.revocation();
      return Reply.empty(200);
    } catch (OAuthRefusal refusal) {
      return refusal.reply();
    }
  }
}
