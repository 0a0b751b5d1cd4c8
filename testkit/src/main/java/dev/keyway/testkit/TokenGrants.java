package dev.keyway.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grants the four grant types of the sandbox's token endpoint: {@code client_credentials} (RFC 6749
 * §4.4, confidential clients only), {@code password} (§4.3), {@code refresh_token} (§6, with
 * rotation and reuse detection) and {@code urn:ietf:params:oauth:grant-type:jwt-bearer} (RFC 7523
 * §2.1, client authentication optional). Each returns the success body or throws an {@link
 * OAuthRefusal}.
 */
final class TokenGrants {

  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofHours(1);

  private final OAuthAccounts accounts;
  private final ClientAuthentication clients;
  private final JwtAssertions assertions;
  private final TrustedKeys assertionKeys;
  private final OAuthPolicy policy;
  private final TokenStore store;
  private final TokenIssuer issuer;
  private final OAuthCounters counters;
  private final Clock clock;

  TokenGrants(
      AuthorizationServer server,
      ClientAuthentication clients,
      TokenIssuer issuer,
      JwtAssertions assertions) {
    this.accounts = server.accounts();
    this.clients = clients;
    this.assertions = assertions;
    this.assertionKeys = server.assertionKeys();
    this.policy = server.policy();
    this.store = server.store();
    this.issuer = issuer;
    this.counters = server.counters();
    this.clock = server.clock();
  }

  /** Returns the token response for {@code grantType}, or throws the error answer. */
  Map<String, Object> grant(String grantType, RecordedRequest request, Form form, String tokenUrl) {
    return switch (grantType) {
      case "client_credentials" -> clientCredentials(client(request, form, tokenUrl), form);
      case "password" -> password(client(request, form, tokenUrl), form);
      case "refresh_token" -> refresh(client(request, form, tokenUrl), form);
      case JWT_BEARER -> jwtBearer(clients.authenticate(request, form, tokenUrl), form, tokenUrl);
      default -> throw OAuthRefusal.unsupportedGrantType();
    };
  }

  private OAuthClient client(RecordedRequest request, Form form, String tokenUrl) {
    return clients
        .authenticate(request, form, tokenUrl)
        .orElseThrow(() -> OAuthRefusal.invalidClient("client authentication is required"));
  }

  private Map<String, Object> clientCredentials(OAuthClient client, Form form) {
    if (!client.confidential()) {
      throw OAuthRefusal.unauthorizedClient("client_credentials is for confidential clients");
    }
    Grant grant = new Grant(client.id(), client.id(), scope(form.get("scope")));
    return issuer.respond(
        grant, TokenIssuer.newFamily(), policy.refreshTokensForClientCredentials());
  }

  private Map<String, Object> password(OAuthClient client, Form form) {
    String username = form.require("username");
    String password = form.require("password");
    boolean userMatches = Credentials.matches(accounts.username(), username);
    boolean passwordMatches = Credentials.matches(accounts.password(), password);
    if (!(userMatches & passwordMatches)) {
      throw OAuthRefusal.invalidGrant("the resource owner credentials are not valid");
    }
    Grant grant = new Grant(username, client.id(), scope(form.get("scope")));
    return issuer.respond(grant, TokenIssuer.newFamily(), true);
  }

  private Map<String, Object> refresh(OAuthClient client, Form form) {
    String token = form.require("refresh_token");
    Optional<String> requestedScope = form.get("scope");
    // The scope is checked before the token is used, so a refused request does not retire it.
    Optional<Grant> narrowed =
        store
            .refreshGrant(token)
            .flatMap(held -> requestedScope.map(scope -> narrowed(held, scope)));
    boolean rotate = policy.rotateRefreshTokens();
    TokenStore.Redemption redemption = store.redeem(token, client.id(), clock.instant(), rotate);
    switch (redemption.outcome()) {
      case REUSED -> {
        counters.reuse();
        throw OAuthRefusal.invalidGrant("the refresh token was already used");
      }
      case INVALID -> throw OAuthRefusal.invalidGrant("the refresh token is not valid");
      default -> {
        // redeemed
      }
    }
    counters.refresh();
    Grant held = redemption.grant();
    // A rotated refresh token keeps the scope of the one it replaces (RFC 6749 §6).
    return issuer.respond(narrowed.orElse(held), rotate ? held : null, redemption.family());
  }

  private static Grant narrowed(Grant original, String requested) {
    Set<String> held = Set.of(original.scope().split(" "));
    String scope = scope(Optional.of(requested));
    if (!held.containsAll(Set.of(scope.split(" ")))) {
      throw OAuthRefusal.invalidScope("the requested scope exceeds the original grant");
    }
    return new Grant(original.subject(), original.clientId(), scope);
  }

  private Map<String, Object> jwtBearer(Optional<OAuthClient> client, Form form, String tokenUrl) {
    String assertion = form.require("assertion");
    JWTClaimsSet claims =
        assertions
            .verify(assertion, assertionKeys, tokenUrl, MAX_ASSERTION_LIFETIME)
            .orElseThrow(() -> OAuthRefusal.invalidGrant("the assertion is not valid"));
    String subject = claims.getSubject() == null ? claims.getIssuer() : claims.getSubject();
    Optional<String> scope = form.get("scope").or(() -> scopeClaim(claims));
    Grant grant =
        new Grant(subject, client.map(OAuthClient::id).orElse(claims.getIssuer()), scope(scope));
    return issuer.respond(grant, TokenIssuer.newFamily(), false);
  }

  private static Optional<String> scopeClaim(JWTClaimsSet claims) {
    try {
      return Optional.ofNullable(claims.getStringClaim("scope"));
    } catch (ParseException notText) {
      throw OAuthRefusal.invalidGrant("the assertion's scope claim is not text");
    }
  }

  /** Returns {@code scope} normalized: single spaces, no duplicates, in the order sent. */
  private static String scope(Optional<String> scope) {
    return scope
        .map(
            text ->
                Arrays.stream(text.split(" +"))
                    .filter(token -> !token.isEmpty())
                    .distinct()
                    .collect(Collectors.joining(" ")))
        .orElse("");
  }
}
