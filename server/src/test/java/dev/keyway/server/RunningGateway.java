package dev.keyway.server;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.internal.auth.CallerKeys;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real gateway on random loopback ports in front of the testkit sandbox and a hung upstream, with
 * one collection per auth method and three callers: {@code backend} (key, every call), {@code
 * narrow} (key, {@code echo.*} only) and {@code webapp} (HS256 sessions, origin
 * https://app.example.com).
 */
final class RunningGateway implements AutoCloseable {

  static final String SESSION_SECRET = "session-secret-CANARY-0123456789abcdef";
  static final String PRIVATE_TOKEN = "private-token-CANARY-5e1f";
  static final String ORIGIN = "https://app.example.com";

  static final String CONFIG =
      """
      callers:
        backend:
          key: "%s"
          allow: ["*"]
        narrow:
          key: "%s"
          allow: ["echo.*"]
        webapp:
          session: { algorithm: HS256, secret: "${secret:session}", maxLifetime: 15m }
          allow: ["*"]
          origins: ["https://app.example.com"]
      server:
        limits: { requestBody: 1KiB, responseBody: %s }
        publicRateLimit: { requests: 3, per: 1m }
        shutdownTimeout: 5s
      collections:
        headerKey:
          baseUrl: ${env:SANDBOX}
          auth: { type: header-key, keyName: X-Api-Key, key: "${secret:headerKey}" }
          calls:
            things: { path: /header-key/things }
        queryKey:
          baseUrl: ${env:SANDBOX}
          auth: { type: query-key, keyName: api_key, key: "${secret:queryKey}" }
          calls:
            things: { path: /query-key/things }
        bodyKey:
          baseUrl: ${env:SANDBOX}
          auth: { type: body-key, keyName: api_key, key: "${secret:bodyKey}" }
          calls:
            create:
              method: POST
              path: /body-key/things
              body: { type: json }
              params: { note: { in: body } }
        basic:
          baseUrl: ${env:SANDBOX}
          auth: { type: basic, username: "${secret:basicUser}", password: "${secret:basicPassword}" }
          calls:
            me: { path: /basic/me }
        echo:
          baseUrl: ${env:SANDBOX}
          auth: { type: none }
          calls:
            show:
              path: /echo/show
              params:
                q: { in: query }
                X-Trace: { in: header }
                Authorization: { in: header }
            private:
              path: /echo/private
              params:
                token: { in: query, private: true, value: "${secret:privateToken}" }
            open:
              path: /echo/open
              public: true
            status:
              path: "/status/[code]"
              params: { code: { in: path } }
        scripted:
          baseUrl: ${env:SCRIPTED}
          auth: { type: header-key, keyName: X-Key, key: "${secret:scripted}" }
          calls:
            headers: { path: /headers }
            big: { path: /big }
            stream: { path: /stream }
            chunked: { path: /chunked }
        gone:
          baseUrl: ${env:GONE}
          auth: { type: none }
          calls:
            away: { path: /away }
        hung:
          baseUrl: ${env:HUNG}
          auth: { type: none }
          timeouts: { connect: 2s, response: 300ms }
          calls:
            wait: { path: /wait }
      """;

  final Sandbox sandbox = Sandbox.start();
  final HungUpstream hung = new HungUpstream();
  final ScriptedUpstream scripted = new ScriptedUpstream();
  final FakeClock clock = new FakeClock();
  final String backendKey = CallerKeys.newKey();
  final String narrowKey = CallerKeys.newKey();
  final Keyway keyway;
  final Gateway gateway;

  RunningGateway() {
    this("64KiB");
  }

  RunningGateway(String responseLimit) {
    Map<String, String> secrets = new HashMap<>();
    secrets.put("session", SESSION_SECRET);
    secrets.put("scripted", ScriptedUpstream.KEY);
    secrets.put("privateToken", PRIVATE_TOKEN);
    secrets.put("headerKey", sandbox.headerKey());
    secrets.put("queryKey", sandbox.queryKey());
    secrets.put("bodyKey", sandbox.bodyKey());
    secrets.put("basicUser", sandbox.basicUsername());
    secrets.put("basicPassword", sandbox.basicPassword());
    Map<String, String> variables =
        Map.of(
            "SANDBOX",
            sandbox.baseUrl().toString(),
            "HUNG",
            hung.baseUrl().toString(),
            "SCRIPTED",
            scripted.baseUrl().toString(),
            "GONE",
            "http://127.0.0.1:" + freePort());
    String yaml =
        CONFIG.formatted(CallerKeys.hash(backendKey), CallerKeys.hash(narrowKey), responseLimit);
    keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(secrets))
                    .withEnvironmentVariables(variables::get)
                    .parse(yaml))
            .build();
    gateway = Gateway.builder(keyway).host("127.0.0.1").port(0).adminPort(0).clock(clock).start();
  }

  private static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  URI base() {
    return gateway.baseUrl();
  }

  /** Returns every credential of the sandbox: none may reach a caller. */
  String[] credentials() {
    return new String[] {
      sandbox.headerKey(),
      sandbox.queryKey(),
      sandbox.bodyKey(),
      sandbox.basicUsername(),
      sandbox.basicPassword(),
      PRIVATE_TOKEN,
      SESSION_SECRET,
      ScriptedUpstream.KEY
    };
  }

  String sessionToken(String user, Duration lifetime) {
    return SessionTokens.hs256(SESSION_SECRET, user, clock.instant(), lifetime);
  }

  @Override
  public void close() {
    gateway.stop(Duration.ofSeconds(5));
    keyway.close();
    hung.close();
    scripted.close();
    sandbox.close();
  }
}
