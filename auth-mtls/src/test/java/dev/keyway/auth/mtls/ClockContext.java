package dev.keyway.auth.mtls;

import dev.keyway.api.Environment;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenSource;
import java.time.Clock;

/** A context with a chosen clock, for a method that neither makes side calls nor uses tokens. */
final class ClockContext implements AuthContext {

  private final Clock clock;

  ClockContext(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String collection() {
    return "x";
  }

  @Override
  public Environment environment() {
    return Environment.DEV;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public HttpExchange http() {
    throw new UnsupportedOperationException("mtls makes no side calls");
  }

  @Override
  public TokenCache tokenCache(TokenSource source) {
    throw new UnsupportedOperationException("mtls uses no tokens");
  }
}
