package dev.keyway.testkit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state of the sandbox's OAuth2 authorization server, shared by its routes and its controller
 * {@link OAuthServer}: the registered accounts, the trusted keys, the knobs, the issued tokens, the
 * planned failures and the counters. Each part is thread-safe on its own.
 */
final class AuthorizationServer {

  private final OAuthAccounts accounts;
  private final Clock clock;
  private final TrustedKeys assertionKeys = new TrustedKeys();
  private final TrustedKeys clientKeys = new TrustedKeys();
  private final OAuthPolicy policy = new OAuthPolicy();
  private final TokenStore store = new TokenStore();
  private final FailurePlan failures = new FailurePlan();
  private final OAuthCounters counters = new OAuthCounters();
  private final JwtAssertions assertions;
  private final OAuthUsers users = new OAuthUsers();
  private final AuthorizationCodes codes = new AuthorizationCodes(store);
  private final List<String> redirectUris = new CopyOnWriteArrayList<>();
  private volatile AuthorizeRoute authorize;

  AuthorizationServer(OAuthAccounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
    this.assertions = new JwtAssertions(clock);
  }

  /**
   * Returns the routes serving {@code /oauth/token}, {@code /oauth/login}, {@code /oauth/api},
   * {@code /oauth/authorize}, {@code /oauth/userinfo} and {@code /oauth/revoke}.
   */
  List<Route> routes() {
    ClientAuthentication clients = new ClientAuthentication(accounts, clientKeys, assertions);
    TokenIssuer issuer = new TokenIssuer(policy, store, clock);
    TokenGrants grants = new TokenGrants(this, clients, issuer, assertions);
    authorize = new AuthorizeRoute(accounts, users, codes, policy, clock, redirectUris);
    return List.of(
        new TokenRoute(grants, counters, failures, policy),
        new LoginRoute(accounts, issuer, counters, failures),
        new OAuthApiRoute(store, policy, clock),
        authorize,
        new UserinfoRoute(store, users, clock),
        new RevokeRoute(clients, store, counters));
  }

  OAuthUsers users() {
    return users;
  }

  AuthorizationCodes codes() {
    return codes;
  }

  List<String> redirectUris() {
    return redirectUris;
  }

  List<Map<String, String>> authorizeRequests() {
    AuthorizeRoute route = authorize;
    return route == null ? List.of() : route.requests();
  }

  OAuthAccounts accounts() {
    return accounts;
  }

  Clock clock() {
    return clock;
  }

  TrustedKeys assertionKeys() {
    return assertionKeys;
  }

  TrustedKeys clientKeys() {
    return clientKeys;
  }

  OAuthPolicy policy() {
    return policy;
  }

  TokenStore store() {
    return store;
  }

  FailurePlan failures() {
    return failures;
  }

  OAuthCounters counters() {
    return counters;
  }
}
