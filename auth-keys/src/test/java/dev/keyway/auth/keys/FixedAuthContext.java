package dev.keyway.auth.keys;

import dev.keyway.api.Environment;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A context for methods that need neither side calls nor a token cache. */
final class FixedAuthContext implements AuthContext {

  static final AuthContext INSTANCE = new FixedAuthContext();

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
    return Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  }

  @Override
  public HttpExchange http() {
    throw new UnsupportedOperationException("static keys make no side calls");
  }

  @Override
  public TokenCache tokenCache(TokenSource source) {
    throw new UnsupportedOperationException("static keys use no tokens");
  }
}
