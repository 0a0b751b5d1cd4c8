package dev.keyway.testkit;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.tcp.SslProvider;

/**
 * The {@link Sandbox}'s HTTPS side, for mutual TLS: a test CA, a server certificate it issued for
 * {@code 127.0.0.1} and {@code localhost}, client certificates on demand, a foreign CA for
 * certificates the sandbox must refuse, and two HTTPS listeners serving every sandbox route:
 *
 * <ul>
 *   <li>{@link #baseUrl()} asks for a client certificate without requiring one, like nginx's {@code
 *       ssl_verify_client optional_no_ca}: the handshake succeeds either way, and {@code /mtls/**}
 *       answers 200 naming the certificate's subject when {@link #ca()} issued it, else 401. The
 *       other routes ({@code /echo}, {@code /header-key}, ...) work as over plain HTTP.
 *   <li>{@link #strictBaseUrl()} refuses the handshake itself unless the client presents a
 *       certificate from {@link #ca()}, as a bank's mutual-TLS gateway does.
 * </ul>
 *
 * <pre>{@code
 * SandboxTls tls = sandbox.tls();
 * // collections.bank.baseUrl: tls.baseUrl()
 * // collections.bank.tls.trustedCertificates: tls.caCertificatePem()
 * // collections.bank.tls.clientCertificate: { certificate: tls.clientCertificatePem("bank"),
 * //                                           key: tls.clientKeyPem("bank") }
 * assertThat(tls.lastCaller().subject()).contains("CN=bank");
 * }</pre>
 *
 * <p>The CAs are made on first use, and the listeners start when a URL is first asked for; {@link
 * Sandbox#close()} stops them (the certificates stay readable). Every request over TLS is recorded
 * in {@link Sandbox#requests()} and, with its caller, in {@link #callers()}. Thread-safe.
 */
public final class SandboxTls {

  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final Duration SHUTDOWN = Duration.ofSeconds(10);

  private final Router router;
  private final RequestLog log;
  private final CallerLog callers = new CallerLog();
  private final Map<String, IssuedCertificate> clients = new ConcurrentHashMap<>();
  private final Map<String, IssuedCertificate> foreignClients = new ConcurrentHashMap<>();

  private Material material; // guarded by this
  private Listeners listeners; // guarded by this
  private boolean closed; // guarded by this

  SandboxTls(Router router, RequestLog log) {
    this.router = router;
    this.log = log;
  }

  /**
   * Returns {@code https://127.0.0.1:PORT} of the listener that asks for a client certificate but
   * lets {@code /mtls/**} decide, without a trailing slash.
   */
  public URI baseUrl() {
    return listeners().optional;
  }

  /**
   * Returns {@code https://127.0.0.1:PORT} of the listener whose handshake fails without a client
   * certificate from {@link #ca()}.
   */
  public URI strictBaseUrl() {
    return listeners().strict;
  }

  /** Returns the CA that issued the server certificate and the accepted client certificates. */
  public TestCa ca() {
    return material().ca;
  }

  /** Returns the test CA's certificate as PEM: the value for {@code tls.trustedCertificates}. */
  public String caCertificatePem() {
    return ca().certificatePem();
  }

  /** Returns a CA the listeners do not know: its client certificates are refused. */
  public TestCa foreignCa() {
    return material().foreignCa;
  }

  /**
   * Returns the client certificate for {@code CN=name} issued by {@link #ca()}; the same one for
   * the same name.
   */
  public IssuedCertificate client(String name) {
    TestCa ca = ca();
    return clients.computeIfAbsent(name, ca::issueClient);
  }

  /** Returns the PEM certificate of {@link #client(String)}. */
  public String clientCertificatePem(String name) {
    return client(name).certificatePem();
  }

  /** Returns the PEM (PKCS#8) private key of {@link #client(String)}. */
  public String clientKeyPem(String name) {
    return client(name).privateKeyPem();
  }

  /** Returns a client certificate for {@code CN=name} from {@link #foreignCa()}. */
  public IssuedCertificate foreignClient(String name) {
    TestCa foreign = foreignCa();
    return foreignClients.computeIfAbsent(name, foreign::issueClient);
  }

  /** Returns who called the HTTPS listeners so far, in arrival order: a snapshot. */
  public List<TlsCaller> callers() {
    return callers.snapshot();
  }

  /**
   * Returns who made the last request over TLS.
   *
   * @throws AssertionError if no request came over TLS
   */
  public TlsCaller lastCaller() {
    List<TlsCaller> all = callers.snapshot();
    if (all.isEmpty()) {
      throw new AssertionError("no request reached the sandbox's HTTPS listeners");
    }
    return all.get(all.size() - 1);
  }

  void clear() {
    callers.clear();
  }

  private synchronized Material material() {
    if (material == null) {
      material = new Material();
    }
    return material;
  }

  private synchronized Listeners listeners() {
    if (closed) {
      throw new IllegalStateException("the sandbox is closed");
    }
    if (listeners == null) {
      listeners = Listeners.start(material(), router, log, callers);
    }
    return listeners;
  }

  synchronized void close() {
    closed = true;
    if (listeners != null) {
      listeners.close();
    }
  }

  @Override
  public String toString() {
    return "SandboxTls[" + (listeners == null ? "not started" : listeners.optional) + "]";
  }

  /** The CAs and the server certificate. */
  private static final class Material {

    final TestCa ca = TestCa.create("Keyway Sandbox CA");
    final TestCa foreignCa = TestCa.create("Foreign CA");
    final IssuedCertificate server = ca.issueServer("127.0.0.1", "localhost");
  }

  /** The two running listeners. */
  private static final class Listeners {

    final DisposableServer optionalServer;
    final DisposableServer strictServer;
    final URI optional;
    final URI strict;

    private Listeners(DisposableServer optionalServer, DisposableServer strictServer) {
      this.optionalServer = optionalServer;
      this.strictServer = strictServer;
      this.optional = URI.create("https://127.0.0.1:" + optionalServer.port());
      this.strict = URI.create("https://127.0.0.1:" + strictServer.port());
    }

    static Listeners start(Material material, Router router, RequestLog log, CallerLog callers) {
      TestCa ca = material.ca;
      IssuedCertificate server = material.server;
      TlsSandboxHandler handler = new TlsSandboxHandler(router, log, callers, ca.certificate());
      // The optional listener accepts any client chain in the handshake and lets /mtls/** check
      // it, so a refused certificate gets an HTTP 401 a test can read.
      Http11SslContextSpec optionalSpec =
          Http11SslContextSpec.forServer(
                  server.privateKey(), server.certificate(), ca.certificate())
              .configure(
                  builder ->
                      builder
                          .trustManager(InsecureTrustManagerFactory.INSTANCE)
                          .clientAuth(ClientAuth.OPTIONAL));
      Http11SslContextSpec strictSpec =
          Http11SslContextSpec.forServer(
                  server.privateKey(), server.certificate(), ca.certificate())
              .configure(
                  builder -> builder.trustManager(ca.certificate()).clientAuth(ClientAuth.REQUIRE));
      DisposableServer optionalServer = bind(optionalSpec, handler);
      try {
        return new Listeners(optionalServer, bind(strictSpec, handler));
      } catch (RuntimeException e) {
        optionalServer.disposeNow(SHUTDOWN);
        throw e;
      }
    }

    private static DisposableServer bind(Http11SslContextSpec spec, TlsSandboxHandler handler) {
      return HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          // The generic overload: the protocol-spec one is deprecated, and the spec is both.
          .secure(ssl -> ssl.sslContext((SslProvider.GenericSslContextSpec<?>) spec))
          .handle(handler)
          .bindNow(STARTUP);
    }

    void close() {
      try {
        optionalServer.disposeNow(SHUTDOWN);
      } finally {
        strictServer.disposeNow(SHUTDOWN);
      }
    }
  }
}
