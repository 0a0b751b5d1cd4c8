package dev.keyway.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves {@code GET /oauth/authorize}, the sandbox's authorization endpoint (RFC 6749 §4.1.1): it
 * signs in a test user at once — {@code sandbox_user=<id>} in the query chooses who, else {@code
 * alice} — and redirects to the client's redirect URI with a code (and {@code iss}, RFC 9207, when
 * the knob says so), or with {@code error=access_denied} when consent is switched off. An unknown
 * client or a redirect URI that is not allowed gets a 400 page and no redirect (§4.1.2.1).
 */
final class AuthorizeRoute implements Route {

  private final OAuthAccounts accounts;
  private final OAuthUsers users;
  private final AuthorizationCodes codes;
  private final OAuthPolicy policy;
  private final Clock clock;
  private final List<String> redirectUris;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

  AuthorizeRoute(
      OAuthAccounts accounts,
      OAuthUsers users,
      AuthorizationCodes codes,
      OAuthPolicy policy,
      Clock clock,
      List<String> redirectUris) {
    this.accounts = accounts;
    this.users = users;
    this.codes = codes;
    this.policy = policy;
    this.clock = clock;
    this.redirectUris = redirectUris;
  }

  @Override
  public String prefix() {
    return "/oauth/authorize";
  }

  /** Returns the query parameters of every authorize request, in arrival order. */
  List<Map<String, String>> requests() {
    return List.copyOf(requests);
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
    Map<String, String> query = new LinkedHashMap<>();
    request.query().forEach((name, values) -> query.put(name, values.get(0)));
    requests.add(Map.copyOf(query));
    String clientId = query.getOrDefault("client_id", "");
    if (!clientId.equals(accounts.clientId()) && !clientId.equals(accounts.publicClientId())) {
      return page(400, "unknown client_id");
    }
    String redirectUri = query.getOrDefault("redirect_uri", "");
    if (!allowed(redirectUri)) {
      return page(400, "redirect_uri is not registered for this client");
    }
    String state = query.get("state");
    if (!"code".equals(query.get("response_type"))) {
      return back(redirectUri, Map.of("error", "unsupported_response_type"), state, null);
    }
    if (policy.denyAuthorization()) {
      return back(redirectUri, Map.of("error", "access_denied"), state, issuer(request, scheme));
    }
    Optional<String> challenge = Optional.ofNullable(query.get("code_challenge"));
    String method = query.getOrDefault("code_challenge_method", "plain");
    if (challenge.isPresent() && !method.equals("S256") && !method.equals("plain")) {
      return back(redirectUri, Map.of("error", "invalid_request"), state, null);
    }
    String user = query.getOrDefault("sandbox_user", OAuthUsers.DEFAULT_USER);
    if (users.email(user).isEmpty()) {
      return page(400, "no such test user");
    }
    String code =
        codes.issue(
            new AuthorizationCodes.Issued(
                clientId,
                redirectUri,
                user,
                query.getOrDefault("scope", ""),
                challenge,
                method,
                clock.instant().plus(AuthorizationCodes.LIFETIME)));
    return back(redirectUri, Map.of("code", code), state, issuer(request, scheme));
  }

  private String issuer(RecordedRequest request, String scheme) {
    return policy.sendIssuer() ? scheme + "://" + request.header("Host").orElse("") : null;
  }

  private boolean allowed(String redirectUri) {
    if (redirectUris.contains(redirectUri)) {
      return true;
    }
    try {
      URI uri = new URI(redirectUri);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return "http".equalsIgnoreCase(uri.getScheme())
          && (host.equals("127.0.0.1") || host.equals("localhost"))
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Reply back(
      String redirectUri, Map<String, String> result, String state, String issuer) {
    StringBuilder location = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    Map<String, String> parameters = new LinkedHashMap<>(result);
    if (state != null) {
      parameters.put("state", state);
    }
    if (issuer != null) {
      parameters.put("iss", issuer);
    }
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      location
          .append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(
              java.net.URLEncoder.encode(
                  parameter.getValue(), java.nio.charset.StandardCharsets.UTF_8));
      separator = '&';
    }
    return new Reply(302, Map.of("Location", location.toString()), new byte[0]);
  }

  private static Reply page(int status, String message) {
    return new Reply(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
