package dev.keyway.server;

import dev.keyway.core.Keyway;
import dev.keyway.core.KeywayException;
import dev.keyway.core.log.KeywayLoggers;
import dev.keyway.server.internal.http.AdminHandler;
import dev.keyway.server.internal.http.GatewayHandler;
import dev.keyway.server.internal.metrics.GatewayMetrics;
import dev.keyway.server.internal.settings.GatewaySettings;
import dev.keyway.server.internal.settings.GatewaySettingsReader;
import dev.keyway.server.internal.settings.Limits;
import dev.keyway.server.internal.settings.ServerSettings;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The Keyway gateway: an HTTP server (Reactor Netty, non-blocking) on which authenticated callers
 * run the calls of a {@link Keyway}, and a separate admin server with {@code /health}, {@code
 * /ready} and {@code /metrics}.
 *
 * <pre>{@code
 * try (Keyway keyway = Keyway.builder().configFile(Path.of("keyway.yaml")).build();
 *     Gateway gateway = Gateway.builder(keyway).port(0).start()) {
 *   System.out.println("calls at " + gateway.baseUrl() + "/v1/calls/{collection}/{call}");
 *   gateway.awaitStop();
 * }
 * }</pre>
 *
 * <p>The {@code callers} and {@code server} settings come from the Keyway's configuration; the
 * builder can override where the servers listen. Stopping is graceful: the gateway stops accepting
 * connections, reports not ready, and lets calls in flight finish until a deadline. Thread-safe.
 * The gateway does not close the {@link Keyway}.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger LOG = KeywayLoggers.getLogger(Gateway.class);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ADMIN_STOP = Duration.ofSeconds(5);

  private final DisposableServer server;
  private final DisposableServer admin;
  private final ChannelGroup connections;
  private final PrometheusMeterRegistry registry;
  private final Duration shutdownTimeout;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Gateway(Builder builder) {
    GatewaySettings settings = GatewaySettingsReader.read(builder.keyway.config());
    ServerSettings server = builder.apply(settings.server());
    this.shutdownTimeout = server.shutdownTimeout();
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    GatewayHandler handler =
        new GatewayHandler(
            builder.keyway,
            new GatewaySettings(server, settings.callers(), settings.publicUrl()),
            new GatewayMetrics(registry),
            builder.clock,
            () -> settings.publicUrl().orElseGet(this::localUrl));
    Limits limits = server.limits();
    this.server =
        bind(
            HttpServer.create()
                .host(server.host())
                .port(server.port())
                .httpRequestDecoder(
                    spec ->
                        spec.maxHeaderSize(limits.headerBytes())
                            .maxInitialLineLength(limits.headerBytes()))
                .idleTimeout(limits.idleTimeout())
                .readTimeout(limits.readTimeout())
                .channelGroup(connections)
                .handle(handler),
            server.host(),
            server.port(),
            "server.port");
    try {
      this.admin =
          bind(
              HttpServer.create()
                  .host(server.adminHost())
                  .port(server.adminPort())
                  .handle(new AdminHandler(registry, this::isReady)),
              server.adminHost(),
              server.adminPort(),
              "server.admin.port");
    } catch (RuntimeException e) {
      this.server.disposeNow(ADMIN_STOP);
      throw e;
    }
  }

  /** Returns {@code http://127.0.0.1:PORT}: the default {@code publicUrl}. */
  private URI localUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  private static DisposableServer bind(HttpServer server, String host, int port, String setting) {
    try {
      return server.bindNow(BIND_TIMEOUT);
    } catch (ChannelBindException e) {
      throw new KeywayException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + setting
              + "): the address is in use or not available here; choose another port",
          e);
    }
  }

  /** Returns a builder for a gateway in front of {@code keyway}. */
  public static Builder builder(Keyway keyway) {
    return new Builder(keyway);
  }

  /** Returns {@code http://host:port} of the gateway; a wildcard host shows as 127.0.0.1. */
  public URI baseUrl() {
    return url(server);
  }

  /** Returns {@code http://host:port} of the admin endpoints. */
  public URI adminUrl() {
    return url(admin);
  }

  /** Returns the port the gateway listens on (the real one when 0 was asked for). */
  public int port() {
    return server.port();
  }

  /** Returns the port of the admin endpoints. */
  public int adminPort() {
    return admin.port();
  }

  /** Returns whether calls are accepted: true from start until a stop begins. */
  public boolean isReady() {
    return !stopping.get();
  }

  /** Stops within the configured {@code server.shutdownTimeout}. */
  public void stop() {
    stop(shutdownTimeout);
  }

  /**
   * Stops accepting connections, waits up to {@code deadline} for calls in flight, then closes
   * whatever is left and the admin server. A second call waits for the first to finish.
   */
  public void stop(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline");
    if (!stopping.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    try {
      server.disposeNow(deadline);
    } catch (IllegalStateException timedOut) {
      LOG.warn("calls were still in flight after {} ms; closing them", deadline.toMillis());
      connections.close().awaitUninterruptibly(ADMIN_STOP.toMillis());
    } finally {
      try {
        admin.disposeNow(ADMIN_STOP);
      } catch (IllegalStateException timedOut) {
        LOG.warn("the admin server did not stop in time");
      }
      registry.close();
      stopped.countDown();
    }
  }

  /** Blocks until the gateway has stopped (after {@link #stop} is called, e.g. by a signal). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Blocks until the gateway has stopped or {@code timeout} passed; returns whether it stopped. */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void awaitQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private static URI url(DisposableServer server) {
    String host = server.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + server.port());
  }

  @Override
  public String toString() {
    return "Gateway[" + baseUrl() + ", admin " + adminUrl() + "]";
  }

  /** Starts a {@link Gateway}. Not thread-safe. */
  public static final class Builder {

    private final Keyway keyway;
    private String host;
    private Integer port;
    private String adminHost;
    private Integer adminPort;
    private Clock clock = Clock.systemUTC();

    private Builder(Keyway keyway) {
      this.keyway = Objects.requireNonNull(keyway, "keyway");
    }

    /** Listens on {@code newHost} instead of {@code server.host}. */
    public Builder host(String newHost) {
      this.host = Objects.requireNonNull(newHost, "newHost");
      return this;
    }

    /** Listens on {@code newPort} (0: any free port) instead of {@code server.port}. */
    public Builder port(int newPort) {
      this.port = checkPort(newPort);
      return this;
    }

    /** Serves the admin endpoints on {@code newHost} instead of {@code server.admin.host}. */
    public Builder adminHost(String newHost) {
      this.adminHost = Objects.requireNonNull(newHost, "newHost");
      return this;
    }

    /** Serves the admin endpoints on {@code newPort} instead of {@code server.admin.port}. */
    public Builder adminPort(int newPort) {
      this.adminPort = checkPort(newPort);
      return this;
    }

    /** Reads time from {@code newClock}, for session token expiry and rate limits. */
    public Builder clock(Clock newClock) {
      this.clock = Objects.requireNonNull(newClock, "newClock");
      return this;
    }

    /**
     * Reads the {@code callers} and {@code server} settings and starts both servers.
     *
     * @throws dev.keyway.api.InvalidConfigException listing every problem of those settings
     * @throws KeywayException when a port cannot be bound
     */
    public Gateway start() {
      return new Gateway(this);
    }

    private ServerSettings apply(ServerSettings configured) {
      ServerSettings settings =
          configured.withListener(
              host == null ? configured.host() : host, port == null ? configured.port() : port);
      return settings.withAdminListener(
          adminHost == null ? settings.adminHost() : adminHost,
          adminPort == null ? settings.adminPort() : adminPort);
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("a port is from 0 (any free port) to 65535");
      }
      return port;
    }
  }
}
