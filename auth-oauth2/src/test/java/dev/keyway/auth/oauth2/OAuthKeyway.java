package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.SecretSource;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The fixture of the wire tests: a {@link TokenServer}, a {@link Sandbox} upstream that accepts the
 * server's token ({@code Authorization: Bearer} on {@code /header-key/**}, {@code access_token=} on
 * {@code /query-key/**}), a {@link FakeClock} for both, and Keyway instances whose collection
 * {@code api} uses an auth block of the test's making.
 */
final class OAuthKeyway implements AutoCloseable {

  final FakeClock clock = new FakeClock();
  final TokenServer tokens;
  final Sandbox sandbox;
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final List<Keyway> built = new ArrayList<>();

  OAuthKeyway() {
    this(TokenServer.TRICKY_SECRET);
  }

  OAuthKeyway(String clientSecret) {
    String token = "at-" + java.util.UUID.randomUUID();
    tokens = TokenServer.start(token, clientSecret);
    sandbox =
        Sandbox.builder()
            .clock(clock)
            .headerKey("Authorization", token)
            .queryKey("access_token", token)
            .start();
    secrets.put("client", clientSecret);
    secrets.put("password", tokens.password);
    secrets.put("login-key", tokens.loginKey);
  }

  /** Adds a value to the secret store, for {@code ${secret:name}}. */
  void secret(String name, String value) {
    secrets.put(name, value);
  }

  /** Returns an auth block of {@code type} with the settings given as names and values. */
  static Map<String, Object> auth(String type, Object... namesAndValues) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", type);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      auth.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return auth;
  }

  /**
   * Builds Keyway whose collection {@code api} uses {@code auth}; calls {@code get} and {@code
   * query}.
   */
  Keyway build(Map<String, Object> auth) {
    return build(auth, "dev");
  }

  /** Builds Keyway in {@code environment} ({@code dev} or {@code live}). */
  Keyway build(Map<String, Object> auth, String environment) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", sandbox.baseUrl().toString());
    collection.put("auth", auth);
    collection.put(
        "calls",
        Map.of(
            "get", Map.of("method", "GET", "path", "/header-key/things"),
            "query", Map.of("method", "GET", "path", "/query-key/things")));
    Keyway keyway =
        Keyway.builder()
            .configTree(
                Map.of("environment", environment, "collections", Map.of("api", collection)))
            .secrets(SecretSource.of(Map.copyOf(secrets)))
            .clock(clock)
            .build();
    built.add(keyway);
    return keyway;
  }

  /** Returns every problem ({@code path: message}) building Keyway with {@code auth} reports. */
  List<String> problems(Map<String, Object> auth) {
    try {
      build(auth);
    } catch (InvalidConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("the configuration was accepted");
  }

  static ApiResponse call(Keyway keyway) {
    return call(keyway, "get");
  }

  static ApiResponse call(Keyway keyway, String call) {
    return keyway.call("api", call, Map.of()).toCompletableFuture().join();
  }

  /** Returns the failure of a call that must fail, unwrapped from its CompletionException. */
  static Throwable failure(Keyway keyway) {
    try {
      call(keyway);
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  /** Returns {@code thrown} with its causes and stack traces as text, to search for leaks. */
  static String text(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Override
  public void close() {
    built.forEach(Keyway::close);
    sandbox.close();
    tokens.close();
  }
}
