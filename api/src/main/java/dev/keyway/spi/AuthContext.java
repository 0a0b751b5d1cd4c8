package dev.keyway.spi;

import dev.keyway.api.Environment;
import java.time.Clock;

/**
 * What core offers an auth method while it is created and used: where it is, the environment, a
 * clock, side calls over HTTP, and token caching. Plugins use these instead of building their own,
 * so expiry margins, single-flight refresh and persistence live in one place.
 */
public interface AuthContext {

  /** Returns the id of the collection the method is created for. */
  String collection();

  /** Returns the active environment. */
  Environment environment();

  /** Returns the clock to read time from; tests inject a fake one. */
  Clock clock();

  /** Returns the client for side calls such as token requests. */
  HttpExchange http();

  /** Returns core's token cache for this collection and environment, filled by {@code source}. */
  TokenCache tokenCache(TokenSource source);
}
