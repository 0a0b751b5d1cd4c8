package dev.keyway.testkit;

import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Sandbox}'s OAuth2 authorization server: its registered credentials, its knobs and
 * injected failures, and counters of what it was asked. Reached with {@link Sandbox#oauth()}.
 *
 * <pre>{@code
 * OAuthServer oauth = sandbox.oauth();
 * // POST oauth.tokenUrl() grant_type=client_credentials, Basic oauth.clientId():oauth.clientSecret()
 * // then GET oauth.apiUrl() + "/things" with Authorization: Bearer <access_token> -> 200
 * oauth.failNext(1, 503, Duration.ofSeconds(2)); // the next token request: 503, Retry-After: 2
 * assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(1);
 * }</pre>
 *
 * <p>It serves {@code POST /oauth/token} (RFC 6749, RFC 7523), {@code POST /oauth/login} (a custom
 * JSON login) and the protected resource {@code /oauth/api/**} (RFC 6750), on the plain listener
 * and on the {@link Sandbox#tls()} listeners alike. Issue times and expiry follow the sandbox's
 * clock. Knobs and failures may be set at any time and affect the requests that arrive after.
 * Thread-safe. {@link #toString()} shows no credential.
 */
public final class OAuthServer {

  private final AuthorizationServer server;
  private final URI baseUrl;

  OAuthServer(AuthorizationServer server, URI baseUrl) {
    this.server = server;
    this.baseUrl = baseUrl;
  }

  /** Returns {@code baseUrl + "/oauth/token"} on the plain HTTP listener. */
  public URI tokenUrl() {
    return URI.create(baseUrl + "/oauth/token");
  }

  /** Returns {@code baseUrl + "/oauth/login"}, the custom JSON login endpoint. */
  public URI loginUrl() {
    return URI.create(baseUrl + "/oauth/login");
  }

  /** Returns {@code baseUrl + "/oauth/api"}, the protected resource: call it or paths below it. */
  public URI apiUrl() {
    return URI.create(baseUrl + "/oauth/api");
  }

  /**
   * Returns {@code baseUrl + "/oauth/authorize"}, the authorization endpoint (RFC 6749 §4.1): it
   * signs in {@code alice}, or the user named by {@code sandbox_user=<id>} in its query, at once.
   */
  public URI authorizeUrl() {
    return URI.create(baseUrl + "/oauth/authorize");
  }

  /** Returns {@code baseUrl + "/oauth/userinfo"}: the profile of a token's user, as JSON. */
  public URI userinfoUrl() {
    return URI.create(baseUrl + "/oauth/userinfo");
  }

  /** Returns {@code baseUrl + "/oauth/revoke"}, the revocation endpoint (RFC 7009). */
  public URI revokeUrl() {
    return URI.create(baseUrl + "/oauth/revoke");
  }

  /** Returns the issuer identifier sent as {@code iss} (RFC 9207): the base URL. */
  public String issuer() {
    return baseUrl.toString();
  }

  /**
   * Adds end user {@code id} with {@code email}; {@code alice} and {@code bob} are there already.
   */
  public void addUser(String id, String email) {
    server.users().add(id, email);
  }

  /**
   * Allows {@code redirectUri} exactly, besides every {@code http://127.0.0.1:*} and {@code
   * http://localhost:*} address, which are always allowed.
   */
  public void registerRedirectUri(String redirectUri) {
    server.redirectUris().add(redirectUri);
  }

  /** Makes the authorize endpoint answer {@code error=access_denied}, as if the user declined. */
  public void denyAuthorization(boolean deny) {
    server.policy().denyAuthorization(deny);
  }

  /** Makes the authorize endpoint add {@code iss} to its redirects (RFC 9207); off by default. */
  public void sendIssuer(boolean send) {
    server.policy().sendIssuer(send);
  }

  /** Makes successful token answers form-encoded instead of JSON. */
  public void formEncodedTokenResponses(boolean form) {
    server.policy().formEncodedTokenResponses(form);
  }

  /** Returns the decoded query parameters of every authorize request, in arrival order. */
  public List<Map<String, String>> authorizeRequests() {
    return server.authorizeRequests();
  }

  /** Returns how many {@code authorization_code} token requests arrived, refused ones included. */
  public int codeExchanges() {
    return server.counters().codeExchanges();
  }

  /** Returns how many revocation requests were accepted. */
  public int revocations() {
    return server.counters().revocations();
  }

  /** Returns the id of the confidential client. */
  public String clientId() {
    return server.accounts().clientId();
  }

  /**
   * Returns the secret of the confidential client ({@code client_secret_basic} or {@code _post}).
   */
  public String clientSecret() {
    return server.accounts().clientSecret();
  }

  /** Returns the id of the public client, which authenticates with {@code client_id} alone. */
  public String publicClientId() {
    return server.accounts().publicClientId();
  }

  /** Returns the resource owner's username for the {@code password} grant. */
  public String username() {
    return server.accounts().username();
  }

  /** Returns the resource owner's password for the {@code password} grant. */
  public String password() {
    return server.accounts().password();
  }

  /** Returns the {@code user} that {@code /oauth/login} accepts. */
  public String loginUser() {
    return server.accounts().loginUser();
  }

  /** Returns the {@code pass} that {@code /oauth/login} accepts. */
  public String loginPassword() {
    return server.accounts().loginPassword();
  }

  /** Returns the {@code X-Login-Key} header value that {@code /oauth/login} requires. */
  public String loginKey() {
    return server.accounts().loginKey();
  }

  /**
   * Trusts {@code key} to sign jwt-bearer grant assertions (RFC 7523 §2.1) whose {@code iss} is
   * {@code issuer}.
   */
  public void trustAssertionKey(String issuer, PublicKey key) {
    server.assertionKeys().trust(requireText(issuer, "issuer"), Objects.requireNonNull(key, "key"));
  }

  /**
   * Trusts {@code key} to sign {@code private_key_jwt} client assertions (RFC 7523 §2.2) of client
   * {@code clientId}, which need not be {@link #clientId()}.
   */
  public void trustClientKey(String clientId, PublicKey key) {
    server
        .clientKeys()
        .trust(requireText(clientId, "clientId"), Objects.requireNonNull(key, "key"));
  }

  /** Makes access tokens issued from now on live {@code lifetime} (default 1 hour). */
  public void tokenLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("a token lifetime must be positive");
    }
    server.policy().tokenLifetime(lifetime);
  }

  /** Makes refresh tokens issued from now on live {@code lifetime} (default 30 days). */
  public void refreshTokenLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("a token lifetime must be positive");
    }
    server.policy().refreshTokenLifetime(lifetime);
  }

  /** Makes token responses leave out {@code expires_in} (RFC 6749 only recommends it). */
  public void omitExpiresIn(boolean omit) {
    server.policy().omitExpiresIn(omit);
  }

  /**
   * Makes new access tokens JWTs (HS256 with a key no client knows) with {@code sub}, {@code
   * client_id}, {@code iat}, {@code exp} and {@code scope}, instead of opaque random strings.
   */
  public void jwtAccessTokens(boolean jwt) {
    server.policy().jwtAccessTokens(jwt);
  }

  /** Makes the {@code client_credentials} grant issue a refresh token too (off by default). */
  public void refreshTokensForClientCredentials(boolean issue) {
    server.policy().refreshTokensForClientCredentials(issue);
  }

  /**
   * Makes each refresh return a new refresh token and retire the one used (on by default). Off, a
   * refresh answers without {@code refresh_token} and the one used stays valid.
   */
  public void rotateRefreshTokens(boolean rotate) {
    server.policy().rotateRefreshTokens(rotate);
  }

  /** Makes {@code /oauth/api/**} answer 401 {@code invalid_token} to every token. */
  public void alwaysUnauthorized(boolean refuse) {
    server.policy().alwaysUnauthorized(refuse);
  }

  /**
   * Makes the next {@code count} requests to {@code /oauth/token} or {@code /oauth/login} fail with
   * {@code status} (400 to 599) and an OAuth2 error body, replacing any failures left.
   */
  public void failNext(int count, int status) {
    planFailures(count, status, null);
  }

  /** Does {@link #failNext(int, int)} with {@code Retry-After: <seconds, rounded up>} as well. */
  public void failNext(int count, int status, Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("Retry-After cannot be negative");
    }
    planFailures(count, status, retryAfter);
  }

  private void planFailures(int count, int status, Duration retryAfter) {
    if (count < 0) {
      throw new IllegalArgumentException("count cannot be negative");
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected failure's status is 400 to 599");
    }
    server.failures().failNext(count, status, retryAfter);
  }

  /**
   * Makes the next {@code count} requests to {@code /oauth/token} or {@code /oauth/login} wait
   * {@code delay} before their answer (on a timer: the event loop is never blocked), replacing any
   * delays left.
   */
  public void delayNext(int count, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (count < 0 || delay.isNegative()) {
      throw new IllegalArgumentException("count and delay cannot be negative");
    }
    server.failures().delayNext(count, delay);
  }

  /**
   * Revokes {@code token}: an access token alone, or a refresh token with every token descended
   * from the same original grant (RFC 7009 §2.1). Returns whether the server had issued it.
   */
  public boolean revoke(String token) {
    return server.store().revoke(Objects.requireNonNull(token, "token"));
  }

  /** Revokes every token issued so far; later grants issue valid tokens again. */
  public void revokeAll() {
    server.store().revokeAll();
  }

  /**
   * Returns how many requests reached {@code /oauth/token} and {@code /oauth/login}, including
   * refused ones and injected failures.
   */
  public int tokenRequests() {
    return server.counters().requests();
  }

  /**
   * Returns how many of {@link #tokenRequests()} had {@code grant_type} {@code grantType}; {@code
   * login} counts the requests to {@code /oauth/login}.
   */
  public int tokenRequests(String grantType) {
    return server.counters().requests(grantType);
  }

  /** Returns how many {@code invalid_grant} answers the token endpoint gave. */
  public int invalidGrants() {
    return server.counters().invalidGrants();
  }

  /** Returns how many {@code refresh_token} grants succeeded. */
  public int refreshes() {
    return server.counters().refreshes();
  }

  /** Returns how many times a retired refresh token was presented again (each revoked a family). */
  public int reuseDetections() {
    return server.counters().reuses();
  }

  /** Returns the access tokens issued since the start or {@link #resetCounters()}, in order. */
  public List<String> issuedAccessTokens() {
    return server.store().issued();
  }

  /** Returns the refresh tokens issued since the start or {@link #resetCounters()}, in order. */
  public List<String> issuedRefreshTokens() {
    return server.store().issuedRefresh();
  }

  /** Sets every counter back to zero and forgets the issued list; tokens stay valid. */
  public void resetCounters() {
    server.counters().reset();
    server.store().forgetIssued();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  @Override
  public String toString() {
    return "OAuthServer[" + tokenUrl() + ", client=" + clientId() + "]";
  }
}
