package dev.keyway.testkit;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.Settings;
import dev.keyway.spi.TokenCache;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenPlacement;
import dev.keyway.spi.TokenSource;
import dev.keyway.spi.UserConsent;
import dev.keyway.spi.UserTokenCache;
import java.time.Clock;
import java.util.Objects;

/**
 * An {@link AuthContext} for unit tests of methods with static credentials: collection {@code x}, a
 * chosen environment and clock. It makes no side calls and caches no tokens — test token methods
 * through a {@code Keyway} instance against the {@link Sandbox}, where core's real machinery runs.
 *
 * <p>Immutable.
 */
public final class TestAuthContext implements AuthContext {

  private final Environment environment;
  private final Clock clock;

  private TestAuthContext(Environment environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  /** Returns a context for environment {@code dev} with a {@link FakeClock}. */
  public static TestAuthContext create() {
    return new TestAuthContext(Environment.DEV, new FakeClock());
  }

  /** Returns a copy in {@code newEnvironment}. */
  public TestAuthContext withEnvironment(Environment newEnvironment) {
    return new TestAuthContext(Objects.requireNonNull(newEnvironment), clock);
  }

  /** Returns a copy that reads time from {@code newClock}. */
  public TestAuthContext withClock(Clock newClock) {
    return new TestAuthContext(environment, Objects.requireNonNull(newClock));
  }

  @Override
  public String collection() {
    return "x";
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
    throw new UnsupportedOperationException(
        "TestAuthContext makes no side calls; test through Keyway and the Sandbox");
  }

  @Override
  public TokenCache tokenCache(String scope, TokenSource source) {
    throw new UnsupportedOperationException(
        "TestAuthContext caches no tokens; test through Keyway and the Sandbox");
  }

  @Override
  public UserTokenCache userTokenCache(String scope, TokenSource refresher) {
    throw new UnsupportedOperationException(
        "TestAuthContext caches no tokens; test through Keyway and the Sandbox");
  }

  @Override
  public AuthMethod userTokenMethod(
      UserTokenCache cache, TokenPlacement placement, UserConsent consent) {
    throw new UnsupportedOperationException(
        "TestAuthContext makes no token methods; test through Keyway and the Sandbox");
  }

  @Override
  public TokenEndpoint tokenEndpoint(Settings settings, ConfigProblems problems) {
    throw new UnsupportedOperationException(
        "TestAuthContext has no token endpoints; test through Keyway and the Sandbox");
  }

  @Override
  public AuthMethod tokenMethod(TokenCache cache, TokenPlacement placement) {
    throw new UnsupportedOperationException(
        "TestAuthContext makes no token methods; test through Keyway and the Sandbox");
  }

  /** Returns whether {@code response} is a 401, core's default refusal status. */
  @Override
  public boolean isAuthFailure(ResponseHead response) {
    return response.status() == 401;
  }

  @Override
  public String toString() {
    return "TestAuthContext[" + environment.configName() + "]";
  }
}
