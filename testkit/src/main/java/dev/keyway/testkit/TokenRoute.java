package dev.keyway.testkit;

import java.time.Duration;

/**
 * Serves {@code POST /oauth/token}, the RFC 6749 token endpoint of the sandbox's authorization
 * server. Every request is counted, even one answered with an injected failure; an injected delay
 * holds whatever answer the request gets.
 */
final class TokenRoute implements Route {

  private final TokenGrants grants;
  private final OAuthCounters counters;
  private final FailurePlan failures;

  TokenRoute(TokenGrants grants, OAuthCounters counters, FailurePlan failures) {
    this.grants = grants;
    this.counters = counters;
    this.failures = failures;
  }

  @Override
  public String prefix() {
    return "/oauth/token";
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
    counters.request(Form.grantTypeOf(request));
    Reply reply = failures.nextFailure().orElseGet(() -> grant(request, scheme));
    Duration delay = failures.nextDelay();
    return delay.isZero() ? reply : reply.delayed(delay);
  }

  private Reply grant(RecordedRequest request, String scheme) {
    if (!request.method().equals("POST")) {
      return OAuthReplies.postOnly();
    }
    try {
      Form form = Form.of(request);
      String grantType = form.require("grant_type");
      return OAuthReplies.success(
          grants.grant(grantType, request, form, tokenUrl(request, scheme)));
    } catch (OAuthRefusal refusal) {
      if (refusal.error().equals("invalid_grant")) {
        counters.invalidGrant();
      }
      return refusal.reply();
    }
  }

  /** Returns the URL the client called, which an RFC 7523 assertion must name as its audience. */
  private static String tokenUrl(RecordedRequest request, String scheme) {
    return scheme + "://" + request.header("Host").orElse("") + request.rawPath();
  }
}
