package dev.keyway.core.internal.auth;

import dev.keyway.api.Environment;
import dev.keyway.core.internal.client.UpstreamClient;
import dev.keyway.core.internal.token.IssuedTokens;
import dev.keyway.core.internal.token.SingleFlightTokenCache;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenSource;
import java.time.Clock;
import java.util.function.Consumer;

/** What core offers the auth method of one collection. */
public final class CollectionAuthContext implements AuthContext {

  private final String collection;
  private final Environment environment;
  private final Clock clock;
  private final HttpExchange http;
  private final Consumer<Token> onIssued;

  public CollectionAuthContext(
      String collection, Environment environment, Clock clock, UpstreamClient client) {
    this(collection, environment, clock, new SideCalls(client), IssuedTokens::registerGlobally);
  }

  /** Creates a context whose side calls go through {@code http}. */
  public CollectionAuthContext(
      String collection, Environment environment, Clock clock, HttpExchange http) {
    this(collection, environment, clock, http, IssuedTokens::registerGlobally);
  }

  /**
   * Creates a context whose side calls go through {@code http} and whose token caches hand every
   * token they issue to {@code onIssued}.
   */
  public CollectionAuthContext(
      String collection,
      Environment environment,
      Clock clock,
      HttpExchange http,
      Consumer<Token> onIssued) {
    this.collection = collection;
    this.environment = environment;
    this.clock = clock;
    this.http = http;
    this.onIssued = onIssued;
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
  public TokenCache tokenCache(TokenSource source) {
    return new SingleFlightTokenCache(source, clock, onIssued);
  }

  @Override
  public String toString() {
    return "AuthContext[" + collection + ", " + environment.configName() + "]";
  }
}
