package dev.keyway.testkit;

import java.time.Clock;
import java.util.List;

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

  AuthorizationServer(OAuthAccounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
    this.assertions = new JwtAssertions(clock);
  }

  /**
   * Returns the routes serving {@code /oauth/token}, {@code /oauth/login} and {@code /oauth/api}.
   */
  List<Route> routes() {
    ClientAuthentication clients = new ClientAuthentication(accounts, clientKeys, assertions);
    TokenIssuer issuer = new TokenIssuer(policy, store, clock);
    TokenGrants grants = new TokenGrants(this, clients, issuer, assertions);
    return List.of(
        new TokenRoute(grants, counters, failures),
        new LoginRoute(accounts, issuer, counters, failures),
        new OAuthApiRoute(store, policy, clock));
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
