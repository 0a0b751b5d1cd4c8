package dev.keyway.auth.jwt;

import com.nimbusds.jwt.SignedJWT;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.RecordedRequest;
import dev.keyway.testkit.Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The fixture of the token wire tests: a sandbox whose authorization server and Keyway share a
 * {@link FakeClock}, and Keyway instances whose collection {@code api} calls the protected resource
 * {@code /oauth/api/things} with an auth block of the test's making.
 */
final class BearerKeyway implements AutoCloseable {

  /** A client secret with the characters RFC 6749 §2.3.1 makes clients encode. */
  static final String CLIENT_SECRET = "s3:cr+t% wörd";

  static final String CLIENT_ID = "robot-client";

  final FakeClock clock = new FakeClock();
  final Sandbox sandbox =
      Sandbox.builder().clock(clock).oauthClient(CLIENT_ID, CLIENT_SECRET).start();
  private final List<Keyway> built = new ArrayList<>();

  /** Returns an auth block of {@code type} with the settings given as names and values. */
  static Map<String, Object> auth(String type, Object... namesAndValues) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", type);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      auth.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return auth;
  }

  /** Returns the sandbox's token endpoint URL as text. */
  String tokenUrl() {
    return sandbox.oauth().tokenUrl().toString();
  }

  /** Builds Keyway whose collection {@code api} uses {@code auth}. */
  Keyway build(Map<String, Object> auth) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", sandbox.baseUrl().toString());
    collection.put("auth", auth);
    collection.put("calls", Map.of("get", Map.of("method", "GET", "path", "/oauth/api/things")));
    Keyway keyway =
        Keyway.builder()
            .configTree(Map.of("environment", "dev", "collections", Map.of("api", collection)))
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
    return keyway.call("api", "get", Map.of()).toCompletableFuture().join();
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

  /** Returns the token endpoint's refusal that made a call fail, from its chain of causes. */
  static TokenRequestException refusal(Keyway keyway) {
    Throwable failure = failure(keyway);
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TokenRequestException refused) {
        return refused;
      }
    }
    throw new AssertionError("the call failed otherwise: " + failure, failure);
  }

  /** Returns the requests the token endpoint received, in order. */
  List<RecordedRequest> tokenRequests() {
    return sandbox.requests().stream()
        .filter(request -> request.rawPath().startsWith("/oauth/token"))
        .toList();
  }

  /** Returns how many calls reached the protected resource. */
  long apiCalls() {
    return sandbox.requests().stream()
        .filter(request -> request.rawPath().startsWith("/oauth/api/"))
        .count();
  }

  /** Returns the form fields of {@code request}'s body, decoded. */
  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : request.bodyText().split("&")) {
      int equals = pair.indexOf('=');
      fields.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
    }
    return fields;
  }

  /** Returns the JWT in form field {@code field} of {@code request}. */
  static SignedJWT jwt(RecordedRequest request, String field) {
    try {
      return SignedJWT.parse(form(request).get(field));
    } catch (ParseException e) {
      throw new AssertionError("field " + field + " is not a JWT", e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
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
  }
}
