package dev.keyway.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import dev.keyway.api.Environment;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.SecretSource;
import dev.keyway.core.connect.Connections;
import dev.keyway.core.internal.pipeline.ConfiguredCollection;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.TokenStore;
import io.netty.buffer.ByteBuf;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls third-party APIs with credentials that never leave the server.
 *
 * <pre>{@code
 * try (Keyway keyway = Keyway.builder().configFile(Path.of("keyway.yaml")).build()) {
 *   ApiResponse response = keyway.call("weather", "current", Map.of("city", "Oslo"))
 *       .toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>Every collection has its own connection pool; the scheme, host and port of each request are
 * exactly its collection's {@code baseUrl}, whatever a caller passes. Thread-safe. Closing it
 * releases every pool.
 */
public final class Keyway implements AutoCloseable {

  private static final org.slf4j.Logger LOG =
      dev.keyway.core.log.KeywayLoggers.getLogger(Keyway.class);

  private final KeywayConfig config;
  private final Map<String, ConfiguredCollection> collections;
  private final Connections connections;
  private final List<AutoCloseable> resources = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  Keyway(KeywayConfig config, Map<String, ConfiguredCollection> collections, Clock clock) {
    this.config = config;
    this.collections = Map.copyOf(collections);
    Map<String, Connections.Consentable> consentable = new java.util.LinkedHashMap<>();
    collections.forEach(
        (id, collection) ->
            collection
                .authMethod()
                .userConsent()
                .ifPresent(
                    consent ->
                        collection
                            .userTokens()
                            .ifPresent(
                                tokens ->
                                    consentable.put(
                                        id, new Connections.Consentable(consent, tokens)))));
    this.connections = new Connections(consentable, clock);
  }

  /**
   * Returns the end users' connections of the collections whose auth method connects end users (the
   * authorization-code flow): start and finish a connect flow, read or delete a connection.
   */
  public Connections connections() {
    return connections;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs {@code collection.call} with {@code params} and reads the whole response. */
  public CompletionStage<ApiResponse> call(String collection, String call, Map<String, ?> params) {
    return call(CallRequest.of(collection, call, params));
  }

  /** Runs a call and reads the whole response. */
  public CompletionStage<ApiResponse> call(CallRequest request) {
    return callMono(request).toFuture();
  }

  /**
   * Runs a call when subscribed, and reads the whole response. Fails with {@link
   * UnknownCallException}, {@link CallRejectedException} (nothing was sent) or {@link
   * UpstreamException}.
   */
  public Mono<ApiResponse> callMono(CallRequest request) {
    return Mono.defer(
        () -> {
          if (closed.get()) {
            return Mono.error(new IllegalStateException("this Keyway instance is closed"));
          }
          return collection(request.collection()).call(request);
        });
  }

  /**
   * Runs a call when subscribed and streams its response: {@code handler} gets the status and
   * header fields and the body, unread, and returns what to do with them (a gateway writes them to
   * its own caller). The returned flux emits what the handler's publisher emits.
   *
   * <pre>{@code
   * keyway.exchange(request, (head, body) -> serverResponse
   *         .status(head.status())
   *         .send(body.map(ByteBuf::retain)))
   *     .then();
   * }</pre>
   *
   * <p>Each buffer of the body is released once the handler's subscriber has received it: {@code
   * retain()} one to keep it longer, e.g. to write it to another connection. When the auth method
   * asks for a retry on seeing the head (a revoked token), that response's body is drained and the
   * request is sent once more; only the final response reaches the handler. Fails with {@link
   * UnknownCallException}, {@link CallRejectedException} (nothing was sent) or {@link
   * UpstreamException} — also from the body, when the upstream stops answering while it streams;
   * the handler's own errors pass unchanged. No body cap applies here: the handler counts.
   */
  public <T> Flux<T> exchange(
      CallRequest request,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    Objects.requireNonNull(handler, "handler");
    return Flux.defer(
        () -> {
          if (closed.get()) {
            return Flux.error(new IllegalStateException("this Keyway instance is closed"));
          }
          return collection(request.collection()).exchange(request, handler);
        });
  }

  /**
   * Runs a call like {@link #exchange}, but hands {@code handler} the answer as a caller may see
   * it: every credential of the collection (its keys and passwords, the tokens issued for it, the
   * {@code Authorization} value sent with this request) masked byte for byte with {@code *} in the
   * header fields and in the body. The body is masked as it streams, without being held whole; a
   * credential split across two buffers is still masked, so up to the longest credential's length
   * is held back between buffers. A gateway uses this to pass an upstream's answer on.
   *
   * <p>Unlike {@link #exchange}, each body buffer the handler receives is its own: release it, or
   * write it to a connection, which does. Fails like {@link #exchange}.
   */
  public <T> Flux<T> exchangeMasked(
      CallRequest request,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    Objects.requireNonNull(handler, "handler");
    return Flux.defer(
        () -> {
          if (closed.get()) {
            return Flux.error(new IllegalStateException("this Keyway instance is closed"));
          }
          return collection(request.collection()).exchangeMasked(request, handler);
        });
  }

  /** Returns the auth method built for {@code collection}, for tools and tests. */
  public AuthMethod authMethod(String collection) {
    return collection(collection).authMethod();
  }

  /** Returns the configuration this instance runs. */
  public KeywayConfig config() {
    return config;
  }

  /** Returns the environment whose credentials this instance uses. */
  public Environment environment() {
    return config.environment();
  }

  private ConfiguredCollection collection(String id) {
    ConfiguredCollection collection = collections.get(id);
    if (collection == null) {
      throw new UnknownCallException("no collection named " + id);
    }
    return collection;
  }

  /** Releases every connection pool. Calls made afterwards fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      collections.values().forEach(ConfiguredCollection::close);
      closeAll(resources);
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("a resource failed to close: {}", e.getClass().getName());
      }
    }
  }

  @Override
  public String toString() {
    return "Keyway["
        + config.environment().configName()
        + ", collections="
        + new java.util.TreeSet<>(collections.keySet())
        + "]";
  }

  /** Builds a {@link Keyway}. Not thread-safe. */
  public static final class Builder {
    private KeywayConfig config;
    private Path configFile;
    private Map<String, Object> configTree;
    private Environment environment;
    private SecretSource secrets; // null: the encrypted file beside configFile, if any
    private Clock clock = Clock.systemUTC();
    private ClassLoader classLoader = Keyway.class.getClassLoader();
    private final List<AuthProvider> providers = new ArrayList<>();
    private TokenStore tokenStore;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private Builder() {}

    /** Uses this configuration model. */
    public Builder config(KeywayConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Loads the configuration from a YAML or JSON file; relative {@code ${file:}} paths are beside
     * it.
     */
    public Builder configFile(Path file) {
      this.configFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Loads the configuration from a tree of maps, lists and scalars, as YAML would give. */
    public Builder configTree(Map<String, Object> tree) {
      this.configTree = Objects.requireNonNull(tree, "tree");
      return this;
    }

    /** Overrides the environment named in the configuration. */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Resolves {@code ${secret:...}} references from {@code secrets}. Without it, a configuration
     * given with {@link #configFile} reads them from the {@link
     * dev.keyway.core.secrets.EncryptedFileSecretStore} beside that file.
     */
    public Builder secrets(SecretSource secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /** Reads time from {@code clock} (tests pass a fake one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Discovers auth providers with {@code classLoader} instead of this class's loader. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /** Adds a provider that is not registered with {@link java.util.ServiceLoader}. */
    public Builder provider(AuthProvider provider) {
      providers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Keeps tokens in {@code store}: a durable one survives restarts, and instances that share one
     * never renew the same token twice. Without it, tokens live in this instance's memory.
     */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Closes {@code resource} when the instance closes (after its connection pools), e.g. a token
     * store opened for it; if the build fails, it is closed at once.
     */
    public Builder closing(AutoCloseable resource) {
      resources.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /**
     * Validates everything and builds the instance.
     *
     * @throws dev.keyway.api.InvalidConfigException listing every problem with its config path
     * @throws ProviderDiscoveryException if the auth providers found cannot be used together
     */
    public Keyway build() {
      KeywayConfig resolved = resolveConfig();
      KeywayModule module =
          new KeywayModule(resolved).withClock(clock).withClassLoader(classLoader);
      for (AuthProvider provider : providers) {
        module = module.withProvider(provider);
      }
      if (tokenStore != null) {
        module = module.withTokenStore(tokenStore);
      }
      try {
        Keyway keyway = Guice.createInjector(module).getInstance(Keyway.class);
        keyway.resources.addAll(resources);
        return keyway;
      } catch (CreationException | ProvisionException e) {
        closeAll(resources);
        throw unwrap(e);
      } catch (RuntimeException e) {
        closeAll(resources);
        throw e;
      }
    }

    private KeywayConfig resolveConfig() {
      int sources =
          (config != null ? 1 : 0) + (configFile != null ? 1 : 0) + (configTree != null ? 1 : 0);
      if (sources != 1) {
        throw new IllegalStateException(
            "give exactly one configuration: config(model), configFile(path) or configTree(map)");
      }
      if (config != null) {
        if (environment != null && environment != config.environment()) {
          throw new IllegalStateException(
              "the configuration model is resolved for "
                  + config.environment().configName()
                  + "; load it for "
                  + environment.configName()
                  + " instead of overriding the environment");
        }
        return config;
      }
      SecretSource source = secrets;
      if (source == null) {
        source =
            configFile != null
                ? EncryptedFileSecretStore.besideConfig(configFile, System::getenv)
                : SecretSource.NONE;
      }
      List<AuthProvider> known = new ArrayList<>(AuthProviders.discover(classLoader).values());
      known.addAll(providers);
      ConfigLoader loader = ConfigLoader.create().withSecrets(source).withAuthProviders(known);
      if (environment != null) {
        loader = loader.withEnvironment(environment);
      }
      return configFile != null ? loader.load(configFile) : loader.fromTree(configTree);
    }

    private static RuntimeException unwrap(RuntimeException guiceError) {
      Throwable cause = guiceError.getCause();
      if (cause == null) {
        for (Throwable suppressed : guiceError.getSuppressed()) {
          cause = suppressed;
        }
      }
      if (cause == null && guiceError instanceof CreationException creation) {
        cause =
            creation.getErrorMessages().stream()
                .map(message -> message.getCause())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
      }
      if (cause == null && guiceError instanceof ProvisionException provision) {
        cause =
            provision.getErrorMessages().stream()
                .map(message -> message.getCause())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
      }
      return cause instanceof RuntimeException runtime ? runtime : guiceError;
    }
  }
}
