package dev.keyway.core.internal.auth;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.core.config.AuthPolicy;
import dev.keyway.core.config.Timeouts;
import dev.keyway.core.internal.token.SingleFlightTokenCache;
import dev.keyway.core.internal.token.UserTokenCaches;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.Settings;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenPlacement;
import dev.keyway.spi.TokenSource;
import dev.keyway.spi.UserConsent;
import dev.keyway.spi.UserTokenCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** What core offers the auth method of one collection. */
public final class CollectionAuthContext implements AuthContext {

  private final String collection;
  private final Environment environment;
  private final Clock clock;
  private final HttpExchange http;
  private final Consumer<Token> onIssued;
  private final TokenMachinery tokens;
  private final AuthPolicy policy;
  private final AuthFailures failures;
  private final Duration tokenDeadline;
  private volatile UserTokenCaches userTokens;

  /**
   * Creates the context of {@code collection}: side calls go through {@code http}, token caches
   * hand every token they issue to {@code onIssued} and keep tokens in {@code tokens}' store, and a
   * token request, retries included, ends within the collection's connect and response timeouts.
   */
  public CollectionAuthContext(
      String collection,
      Environment environment,
      Clock clock,
      HttpExchange http,
      Consumer<Token> onIssued,
      TokenMachinery tokens,
      AuthPolicy policy,
      Timeouts timeouts) {
    this.collection = collection;
    this.environment = environment;
    this.clock = clock;
    this.http = http;
    this.onIssued = onIssued;
    this.tokens = tokens;
    this.policy = policy;
    this.failures = new AuthFailures(policy.authFailureStatuses());
    this.tokenDeadline = timeouts.connect().plus(timeouts.response());
  }

  @Override
  public String collection() {
    return collection;
  }

  @Override
  public Environment environment() {
    return environment;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public HttpExchange http() {
    return http;
  }

  @Override
  public TokenCache tokenCache(String scope, TokenSource source) {
    return new SingleFlightTokenCache(
        TokenKey.of(collection, environment, scope),
        source,
        tokens.store(),
        clock,
        policy.defaultTokenLifetime(),
        onIssued);
  }

  @Override
  public synchronized UserTokenCache userTokenCache(String scope, TokenSource refresher) {
    if (userTokens != null) {
      throw new IllegalStateException(
          "collection " + collection + " already has a cache of end users' tokens");
    }
    userTokens =
        new UserTokenCaches(
            TokenKey.of(collection, environment, scope),
            refresher,
            tokens.store(),
            clock,
            policy.defaultTokenLifetime(),
            onIssued);
    return userTokens;
  }

  @Override
  public AuthMethod userTokenMethod(
      UserTokenCache cache, TokenPlacement placement, UserConsent consent) {
    return new UserTokenAuthMethod(collection, cache, placement, failures, consent);
  }

  /** Returns the cache of end users' tokens the method asked for, if it asked for one. */
  public Optional<UserTokenCaches> userTokens() {
    return Optional.ofNullable(userTokens);
  }

  @Override
  public TokenEndpoint tokenEndpoint(Settings settings, ConfigProblems problems) {
    return tokens.endpoints().create(settings, problems, this, tokenDeadline);
  }

  @Override
  public AuthMethod tokenMethod(TokenCache cache, TokenPlacement placement) {
    return new TokenAuthMethod(cache, placement, failures);
  }

  @Override
  public boolean isAuthFailure(ResponseHead response) {
    return failures.test(response);
  }

  @Override
  public String toString() {
    return "AuthContext[" + collection + ", " + environment.configName() + "]";
  }
}
