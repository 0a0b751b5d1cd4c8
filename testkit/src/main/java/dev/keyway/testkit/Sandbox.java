package dev.keyway.testkit;

import dev.keyway.spi.Headers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback fake third-party API. Starts on 127.0.0.1 with a random free port and records every
 * request it receives, like OkHttp's MockWebServer:
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *   // call sandbox.baseUrl() + "/header-key/things" with header sandbox.headerKeyName()
 *   assertThat(sandbox.lastRequest().header("X-Api-Key")).contains(sandbox.headerKey());
 * }
 * }</pre>
 *
 * <p>Endpoints, for any HTTP method ({@code /**} means the path itself and any path below it):
 *
 * <ul>
 *   <li>{@code /echo/**}: no credentials; 200 with a JSON object of the {@code method}, raw {@code
 *       path}, decoded {@code query}, {@code headers} by lower-case name, and {@code body} as text.
 *   <li>{@code /header-key/**}: 200 {@code {"ok":true,"realm":"header-key"}} when header {@link
 *       #headerKeyName()} holds {@link #headerKey()} (for {@code Authorization}, {@code Bearer
 *       <key>} too), else 401 {@code {"error":"unauthorized"}} with {@code WWW-Authenticate}.
 *   <li>{@code /query-key/**}: the same for query parameter {@link #queryKeyName()}.
 *   <li>{@code /body-key/**}: the same for field {@link #bodyKeyName()} of a JSON object or form.
 *   <li>{@code /basic/**}: the same for {@code Authorization: Basic} with {@link #basicUsername()}
 *       and {@link #basicPassword()} (UTF-8, RFC 7617).
 *   <li>{@code /echo-status/{code}/**}: like {@code /echo/**}, with status {@code code} (200 to
 *       599, not 204 or 304): a failing upstream that quotes the request back.
 *   <li>{@code /jwt/**}: the same for {@code Authorization: Bearer <jwt>} (or {@code Token}, {@code
 *       JWT}) signed with a key {@link #jwt()} trusts, not expired.
 *   <li>{@code /status/{code}}: that status (200 to 599) with a small JSON body.
 *   <li>{@code POST /oauth/token}: an OAuth2 token endpoint (RFC 6749, RFC 7523) for the clients,
 *       user and trusted keys of {@link #oauth()}; {@code client_credentials}, {@code password},
 *       {@code refresh_token} (rotating, with reuse detection) and jwt-bearer grants.
 *   <li>{@code POST /oauth/login}: a custom JSON login ({@code {"user","pass"}} and header {@code
 *       X-Login-Key}) answering {@code {"data":{"token","ttl"}}}.
 *   <li>{@code /oauth/api/**}: 200 {@code {"ok":true,"realm":"oauth","client":..}} for {@code
 *       Authorization: Bearer <token>} with a live token of {@link #oauth()}, else 401 with an RFC
 *       6750 challenge; {@code /oauth/api/scope-denied/**} answers a valid token 403.
 *   <li>anything else: 404.
 * </ul>
 *
 * <p>{@link #tls()} starts HTTPS listeners that serve the same routes and {@code /mtls/**}, which
 * checks the client certificate.
 *
 * <p>A credential must appear exactly once: a second header field, query parameter or form field of
 * the same name is refused, as an upstream might read either. Bodies are read up to 1 MiB; a longer
 * one gets 413. Every request is recorded, whatever the answer, before the answer is sent.
 * Credentials are compared in constant time. Thread-safe; handlers never block the event loop.
 */
public final class Sandbox implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final Duration SHUTDOWN = Duration.ofSeconds(10);

  private final HeaderKeyRealm headerKey;
  private final QueryKeyRealm queryKey;
  private final BodyKeyRealm bodyKey;
  private final BasicRealm basic;
  private final JwtRealm jwt;
  private final OAuthServer oauth;
  private final SandboxTls tls;
  private final RequestLog log = new RequestLog();
  private final DisposableServer server;
  private final URI baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Sandbox(Builder builder) {
    headerKey = new HeaderKeyRealm(builder.headerKeyName, orRandom(builder.headerKey));
    queryKey = new QueryKeyRealm(builder.queryKeyName, orRandom(builder.queryKey));
    bodyKey = new BodyKeyRealm(builder.bodyKeyName, orRandom(builder.bodyKey));
    basic =
        new BasicRealm(
            builder.basicUsername == null ? "user-" + Credentials.random() : builder.basicUsername,
            orRandom(builder.basicPassword));
    jwt = new JwtRealm(builder.clock);
    AuthorizationServer authorizationServer =
        new AuthorizationServer(builder.oauthAccounts(), builder.clock);
    List<Route> routes =
        new ArrayList<>(
            List.of(
                new EchoRoute(),
                new EchoStatusRoute(),
                new StatusRoute(),
                new RealmRoute(headerKey),
                new RealmRoute(queryKey),
                new RealmRoute(bodyKey),
                new RealmRoute(basic),
                new RealmRoute(jwt)));
    routes.addAll(authorizationServer.routes());
    Router router = new Router(routes);
    tls = new SandboxTls(router, log);
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(new SandboxHandler(router, log))
            .bindNow(STARTUP);
    baseUrl = URI.create("http://127.0.0.1:" + server.port());
    oauth = new OAuthServer(authorizationServer, baseUrl);
  }

  private static String orRandom(String value) {
    return value == null ? Credentials.random() : value;
  }

  /** Starts a sandbox with random credentials for every realm. */
  public static Sandbox start() {
    return builder().start();
  }

  /** Returns a builder to choose some credentials; the others are random. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the header that {@code /header-key/**} checks; {@code X-Api-Key} by default. */
  public String headerKeyName() {
    return headerKey.headerName();
  }

  /** Returns the value that {@code /header-key/**} accepts. */
  public String headerKey() {
    return headerKey.key();
  }

  /** Returns the query parameter that {@code /query-key/**} checks; {@code api_key} by default. */
  public String queryKeyName() {
    return queryKey.paramName();
  }

  /** Returns the value that {@code /query-key/**} accepts. */
  public String queryKey() {
    return queryKey.key();
  }

  /** Returns the body field that {@code /body-key/**} checks; {@code api_key} by default. */
  public String bodyKeyName() {
    return bodyKey.fieldName();
  }

  /** Returns the value that {@code /body-key/**} accepts. */
  public String bodyKey() {
    return bodyKey.key();
  }

  /** Returns the user-id that {@code /basic/**} accepts. */
  public String basicUsername() {
    return basic.username();
  }

  /** Returns the password that {@code /basic/**} accepts. */
  public String basicPassword() {
    return basic.password();
  }

  /** Returns the {@code /jwt/**} realm: its trusted keys and ready-made tokens. */
  public SandboxJwt jwt() {
    return new SandboxJwt(jwt);
  }

  /**
   * Returns the OAuth2 authorization server under {@code /oauth}: its credentials, knobs, injected
   * failures and counters.
   */
  public OAuthServer oauth() {
    return oauth;
  }

  /** Returns the HTTPS side: test CAs, client certificates and the mutual-TLS listeners. */
  public SandboxTls tls() {
    return tls;
  }

  /** Returns every request received so far, in arrival order: a snapshot, safe to keep. */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  /**
   * Returns the request received last.
   *
   * @throws AssertionError if the sandbox has received no request
   */
  public RecordedRequest lastRequest() {
    List<RecordedRequest> requests = log.snapshot();
    if (requests.isEmpty()) {
      throw new AssertionError("the sandbox has received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /** Returns how many requests were received so far. */
  public int requestCount() {
    return log.size();
  }

  /** Forgets the requests received so far. */
  public void clear() {
    log.clear();
    tls.clear();
  }

  /** Stops the server and waits until its port is released. Calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        tls.close();
      } finally {
        server.disposeNow(SHUTDOWN);
      }
    }
  }

  @Override
  public String toString() {
    return "Sandbox[" + baseUrl + "]";
  }

  /** Chooses a sandbox's credentials; any not chosen is random. Not thread-safe. */
  public static final class Builder {

    private String headerKeyName = "X-Api-Key";
    private String headerKey;
    private String queryKeyName = "api_key";
    private String queryKey;
    private String bodyKeyName = "api_key";
    private String bodyKey;
    private String basicUsername;
    private String basicPassword;
    private String oauthClientId;
    private String oauthClientSecret;
    private String oauthPublicClientId;
    private String oauthUsername;
    private String oauthPassword;
    private String oauthLoginUser;
    private String oauthLoginPassword;
    private String oauthLoginKey;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Makes the sandbox read time from {@code clock} where a credential has a lifetime (a JWT's
     * {@code exp}, an OAuth2 token's expiry); give it the clock Keyway runs on.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Makes {@code /header-key/**} check header {@code headerName} for {@code value}. */
    public Builder headerKey(String headerName, String value) {
      String name = requireHeaderName(headerName);
      if (value == null || value.isEmpty() || !Headers.isValidValue(value)) {
        throw new IllegalArgumentException(
            "the header key must be a non-empty header value without control characters");
      }
      headerKeyName = name;
      headerKey = value;
      return this;
    }

    /** Makes {@code /header-key/**} check header {@code headerName} for a random value. */
    public Builder headerKey(String headerName) {
      headerKeyName = requireHeaderName(headerName);
      headerKey = null;
      return this;
    }

    /** Makes {@code /query-key/**} check query parameter {@code paramName} for {@code value}. */
    public Builder queryKey(String paramName, String value) {
      String name = requireName(paramName, "query parameter");
      queryKey = requireKey(value, "query key");
      queryKeyName = name;
      return this;
    }

    /** Makes {@code /query-key/**} check query parameter {@code paramName} for a random value. */
    public Builder queryKey(String paramName) {
      queryKeyName = requireName(paramName, "query parameter");
      queryKey = null;
      return this;
    }

    /** Makes {@code /body-key/**} check body field {@code fieldName} for {@code value}. */
    public Builder bodyKey(String fieldName, String value) {
      String name = requireName(fieldName, "body field");
      bodyKey = requireKey(value, "body key");
      bodyKeyName = name;
      return this;
    }

    /** Makes {@code /body-key/**} check body field {@code fieldName} for a random value. */
    public Builder bodyKey(String fieldName) {
      bodyKeyName = requireName(fieldName, "body field");
      bodyKey = null;
      return this;
    }

    /**
     * Makes {@code /basic/**} accept {@code username} and {@code password}. RFC 7617 allows any
     * characters but controls, and no colon in the user-id; the password may be empty.
     */
    public Builder basic(String username, String password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty() || username.indexOf(':') >= 0 || hasControl(username)) {
        throw new IllegalArgumentException(
            "the Basic user-id must be non-empty, without a colon or control characters");
      }
      if (hasControl(password)) {
        throw new IllegalArgumentException("the Basic password must not hold control characters");
      }
      basicUsername = username;
      basicPassword = password;
      return this;
    }

    /**
     * Makes {@code /oauth/token} accept confidential client {@code clientId} with {@code
     * clientSecret}. Any characters but controls are allowed, in both: a client sends them
     * form-url-encoded in {@code Authorization: Basic} (RFC 6749 §2.3.1).
     */
    public Builder oauthClient(String clientId, String clientSecret) {
      oauthClientId = requireOAuthValue(clientId, "OAuth client id");
      oauthClientSecret = requireOAuthValue(clientSecret, "OAuth client secret");
      return this;
    }

    /** Makes {@code /oauth/token} accept public client {@code clientId} with no secret. */
    public Builder oauthPublicClient(String clientId) {
      oauthPublicClientId = requireOAuthValue(clientId, "OAuth public client id");
      return this;
    }

    /** Makes the {@code password} grant accept {@code username} with {@code password}. */
    public Builder oauthUser(String username, String password) {
      oauthUsername = requireOAuthValue(username, "OAuth username");
      oauthPassword = requireOAuthValue(password, "OAuth password");
      return this;
    }

    /**
     * Makes {@code /oauth/login} accept {@code user} and {@code password} with header {@code
     * X-Login-Key: key}.
     */
    public Builder oauthLogin(String user, String password, String key) {
      oauthLoginUser = requireOAuthValue(user, "login user");
      oauthLoginPassword = requireOAuthValue(password, "login password");
      if (key == null || key.isEmpty() || !Headers.isValidValue(key)) {
        throw new IllegalArgumentException(
            "the login key must be a non-empty header value without control characters");
      }
      oauthLoginKey = key;
      return this;
    }

    /** Starts the sandbox on 127.0.0.1 with a random free port. */
    public Sandbox start() {
      return new Sandbox(this);
    }

    OAuthAccounts oauthAccounts() {
      return new OAuthAccounts(
          oauthClientId == null ? "client-" + Credentials.random() : oauthClientId,
          orRandom(oauthClientSecret),
          oauthPublicClientId == null ? "public-" + Credentials.random() : oauthPublicClientId,
          oauthUsername == null ? "user-" + Credentials.random() : oauthUsername,
          orRandom(oauthPassword),
          oauthLoginUser == null ? "login-" + Credentials.random() : oauthLoginUser,
          orRandom(oauthLoginPassword),
          orRandom(oauthLoginKey));
    }

    private static String requireOAuthValue(String value, String what) {
      if (value == null || value.isEmpty() || hasControl(value)) {
        throw new IllegalArgumentException(
            "the " + what + " must be non-empty, without control characters");
      }
      return value;
    }

    private static String requireHeaderName(String name) {
      if (!Headers.isValidName(name)) {
        throw new IllegalArgumentException("not a valid header name: '" + name + "'");
      }
      return name;
    }

    private static String requireName(String name, String what) {
      if (name == null
          || name.isEmpty()
          || hasControl(name)
          || name.indexOf('"') >= 0
          || name.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            "the " + what + " name must be non-empty, without quotes or control characters");
      }
      return name;
    }

    private static String requireKey(String value, String what) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("the " + what + " must not be empty");
      }
      return value;
    }

    private static boolean hasControl(String text) {
      return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
  }
}
