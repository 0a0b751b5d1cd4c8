package dev.keyway.spi;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import java.time.Clock;

/**
 * What core offers an auth method while it is created and used: where it is, the environment, a
 * clock, side calls over HTTP, and the token machinery. The token methods have defaults that throw,
 * so a test's own small context implements only what its method uses; core implements them all.
 * Plugins use these instead of building their own, so expiry margins, single-flight refresh,
 * retries and persistence live in one place. A token method is three lines:
 *
 * <pre>{@code
 * TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
 * problems.throwIfAny();
 * TokenCache cache = context.tokenCache(scope, () -> endpoint.request(grant));
 * return context.tokenMethod(cache, TokenPlacement.bearer());
 * }</pre>
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
  default TokenCache tokenCache(TokenSource source) {
    return tokenCache("", source);
  }

  /**
   * Returns core's token cache for this collection, environment and {@code scope} (as the method
   * sends it; empty for none), filled by {@code source}.
   */
  default TokenCache tokenCache(String scope, TokenSource source) {
    throw unsupported();
  }

  /**
   * Returns core's cache of end users' tokens for this collection, environment and {@code scope}.
   * {@code refresher} renews a user's token ({@link TokenSource#refresh}); its {@link
   * TokenSource#fetch} is never called — a user without a token must connect. At most one per
   * collection: the connections the gateway stores are this cache's.
   */
  default UserTokenCache userTokenCache(String scope, TokenSource refresher) {
    throw unsupported();
  }

  /**
   * Returns an auth method that puts the token of the request's end user ({@link
   * OutboundRequest#user()}) on each request with {@code placement}, and handles refusals like
   * {@link #tokenMethod}. Its {@link AuthMethod#userConsent()} is {@code consent}.
   */
  default AuthMethod userTokenMethod(
      UserTokenCache cache, TokenPlacement placement, UserConsent consent) {
    throw unsupported();
  }

  /**
   * Reads the token endpoint settings every token method shares from {@code settings} — {@code
   * tokenEndpoint} (required), {@code clientId}, {@code clientSecret}, {@code clientAuth} and the
   * settings of the chosen client authentication — and returns the endpoint, or {@code null} after
   * recording each problem, with its path, in {@code problems}. A method that reads these settings
   * lists them with {@link TokenEndpoint}-aware specs: see {@code TokenEndpointSettings}.
   */
  default TokenEndpoint tokenEndpoint(Settings settings, ConfigProblems problems) {
    throw unsupported();
  }

  /**
   * Returns an auth method that puts {@code cache}'s token on each request with {@code placement},
   * and, when the upstream refuses it ({@link #isAuthFailure}), drops it if it is still the cached
   * one and asks core to send the request once more with a new token.
   */
  default AuthMethod tokenMethod(TokenCache cache, TokenPlacement placement) {
    throw unsupported();
  }

  /**
   * Returns whether {@code response} says the credentials were refused: a status listed in the
   * collection's {@code authFailureStatuses} (default 401), or a {@code WWW-Authenticate} challenge
   * with {@code error="invalid_token"}; never a challenge with {@code error="insufficient_scope"},
   * which a new token would not fix.
   */
  default boolean isAuthFailure(ResponseHead response) {
    return response.status() == 401;
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "this AuthContext offers no token machinery; core's does (test token methods through"
            + " Keyway and the testkit Sandbox)");
  }
}
