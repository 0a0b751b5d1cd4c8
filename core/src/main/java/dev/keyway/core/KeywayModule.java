package dev.keyway.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.internal.auth.TokenMachinery;
import dev.keyway.core.internal.oauth.ClientAuthenticationProviders;
import dev.keyway.core.internal.oauth.TokenEndpoints;
import dev.keyway.core.internal.pipeline.CollectionAssembler;
import dev.keyway.core.tokens.InMemoryTokenStore;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.TokenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Binds a {@link Keyway} for embedders who use Guice. Auth providers found with {@link
 * java.util.ServiceLoader} join a {@code Multibinder<AuthProvider>}, so an application adds its own
 * in another module:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     new KeywayModule(config),
 *     binder -> Multibinder.newSetBinder(binder, AuthProvider.class)
 *         .addBinding().to(MyTokenProvider.class));
 * Keyway keyway = injector.getInstance(Keyway.class);
 * }</pre>
 *
 * <p>Immutable: every {@code with...} method returns a new module.
 */
public final class KeywayModule extends AbstractModule {

  private final KeywayConfig config;
  private final Clock clock;
  private final ClassLoader classLoader;
  private final List<AuthProvider> providers;
  private final TokenStore tokenStore;

  public KeywayModule(KeywayConfig config) {
    this(
        config,
        Clock.systemUTC(),
        KeywayModule.class.getClassLoader(),
        List.of(),
        new InMemoryTokenStore());
  }

  private KeywayModule(
      KeywayConfig config,
      Clock clock,
      ClassLoader classLoader,
      List<AuthProvider> providers,
      TokenStore tokenStore) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.providers = List.copyOf(providers);
    this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
  }

  /** Returns a copy that reads time from {@code newClock}. */
  public KeywayModule withClock(Clock newClock) {
    return new KeywayModule(config, newClock, classLoader, providers, tokenStore);
  }

  /** Returns a copy that discovers providers with {@code loader}. */
  public KeywayModule withClassLoader(ClassLoader loader) {
    return new KeywayModule(config, clock, loader, providers, tokenStore);
  }

  /** Returns a copy that also binds {@code provider}. */
  public KeywayModule withProvider(AuthProvider provider) {
    List<AuthProvider> more = new ArrayList<>(providers);
    more.add(Objects.requireNonNull(provider, "provider"));
    return new KeywayModule(config, clock, classLoader, more, tokenStore);
  }

  /**
   * Returns a copy that keeps tokens in {@code store} instead of this instance's memory (a durable
   * store, or one shared by several instances).
   */
  public KeywayModule withTokenStore(TokenStore store) {
    return new KeywayModule(config, clock, classLoader, providers, store);
  }

  @Override
  protected void configure() {
    Multibinder<AuthProvider> bound = Multibinder.newSetBinder(binder(), AuthProvider.class);
    for (AuthProvider provider : AuthProviders.discover(classLoader).values()) {
      bound.addBinding().toInstance(provider);
    }
    for (AuthProvider provider : providers) {
      bound.addBinding().toInstance(provider);
    }
  }

  @Provides
  @Singleton
  Keyway keyway(Set<AuthProvider> providers) {
    TokenMachinery tokens =
        new TokenMachinery(
            tokenStore, new TokenEndpoints(ClientAuthenticationProviders.discover(classLoader)));
    return new Keyway(
        config,
        CollectionAssembler.assemble(config, AuthProviders.index(providers), clock, tokens),
        clock);
  }
}
