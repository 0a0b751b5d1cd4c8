package dev.keyway.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.connect.ConnectOutcome;
import dev.keyway.core.connect.ConnectStateException;
import dev.keyway.core.connect.ConnectionInfo;
import dev.keyway.core.connect.Connections;
import dev.keyway.server.internal.auth.Authentication;
import dev.keyway.server.internal.auth.Caller;
import dev.keyway.server.internal.auth.CallerAuthenticator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The user-connection endpoints of the authorization-code flow (SPEC §4, "User connections"):
 *
 * <ul>
 *   <li>{@code GET /oauth/{collection}/connect?return_to=...}: for a caller whose session names the
 *       end user (header {@code Authorization: Bearer <session>}, or query {@code session=} for a
 *       top-level navigation), allowed to call the collection, with a {@code return_to} on its
 *       list: 302 to the provider's login dialog ({@code Accept: application/json} gets {@code
 *       {"url": ...}} instead);
 *   <li>{@code GET /oauth/callback} and {@code /oauth/{collection}/callback}: the provider's
 *       redirect; 303 to {@code return_to} with {@code connected=<collection>} or {@code
 *       error=<code>}, never the code or the state; a bad state is a 400;
 *   <li>{@code GET|DELETE /oauth/{collection}/connection}: the user's connection (never a token),
 *       or disconnect (revoking at the provider where it can).
 * </ul>
 *
 * <p>Every answer carries {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}.
 */
final class ConnectHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH =
      Pattern.compile("/oauth/(?:([A-Za-z0-9_-]+)/)?(connect|callback|connection)/?");

  private final Keyway keyway;
  private final Connections connections;
  private final CallerAuthenticator authenticator;
  private final Supplier<URI> publicUrl;

  ConnectHandler(Keyway keyway, CallerAuthenticator authenticator, Supplier<URI> publicUrl) {
    this.keyway = keyway;
    this.connections = keyway.connections();
    this.authenticator = authenticator;
    this.publicUrl = publicUrl;
  }

  /** Returns whether {@code path} is one of these endpoints. */
  static boolean handles(String path) {
    return path.startsWith("/oauth/");
  }

  /** Returns the URL where an end user connects to {@code collection}. */
  URI connectUrl(String collection) {
    return URI.create(base() + "/oauth/" + collection + "/connect");
  }

  Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, CallContext context) {
    context.baseHeader("Cache-Control", "no-store");
    context.baseHeader("Referrer-Policy", "no-referrer");
    Matcher path = PATH.matcher(request.fullPath());
    if (!path.matches()) {
      throw new ProblemException(Problems.noEndpoint());
    }
    String collection = path.group(1);
    String endpoint = path.group(2);
    context.target(collection == null ? "-" : collection, "oauth-" + endpoint);
    Map<String, String> query = query(request.uri());
    String method = request.method().name();
    if (endpoint.equals("callback")) {
      requireMethod(method, "GET");
      return callback(response, context, query, Optional.ofNullable(collection));
    }
    if (collection == null || !connections.connects(collection)) {
      throw new ProblemException(Problems.noEndpoint());
    }
    Caller caller = caller(request, query, collection, context);
    String user = caller.user().orElseThrow(() -> new ProblemException(Problems.noEndUser()));
    if (endpoint.equals("connect")) {
      requireMethod(method, "GET");
      URI returnTo =
          ReturnAddresses.check(query.get("return_to"), caller.returnTo())
              .orElseThrow(() -> new ProblemException(Problems.returnToNotAllowed()));
      URI login = connections.start(collection, user, returnTo, redirectUri(collection));
      String accept = request.requestHeaders().get("Accept");
      if (accept != null && accept.contains("application/json")) {
        return json(response, context, 200, Map.of("url", login.toString()));
      }
      return redirect(response, context, HttpResponseStatus.FOUND, login);
    }
    return switch (method) {
      case "GET" ->
          Mono.fromCompletionStage(connections.connection(collection, user))
              .flatMap(info -> json(response, context, 200, describe(collection, info)));
      case "DELETE" ->
          Mono.fromCompletionStage(connections.disconnect(collection, user))
              .flatMap(
                  existed ->
                      json(
                          response,
                          context,
                          200,
                          Map.of("collection", collection, "disconnected", existed)));
      default -> throw new ProblemException(Problems.methodNotAllowed());
    };
  }

  private Mono<Void> callback(
      HttpServerResponse response,
      CallContext context,
      Map<String, String> query,
      Optional<String> collection) {
    try {
      return Mono.fromCompletionStage(connections.finish(query, collection))
          .flatMap(
              outcome -> {
                context.target(outcome.collection(), "oauth-callback");
                return redirect(response, context, HttpResponseStatus.SEE_OTHER, back(outcome));
              });
    } catch (ConnectStateException e) {
      throw new ProblemException(Problems.badConnectState(e.getMessage()));
    }
  }

  private static URI back(ConnectOutcome outcome) {
    String base = outcome.returnTo().toString();
    String flag =
        outcome.connected()
            ? "connected=" + outcome.collection()
            : "error=" + outcome.error().get() + "&collection=" + outcome.collection();
    return URI.create(base + (outcome.returnTo().getRawQuery() == null ? "?" : "&") + flag);
  }

  private Caller caller(
      HttpServerRequest request,
      Map<String, String> query,
      String collection,
      CallContext context) {
    Optional<String> authorization =
        Optional.ofNullable(request.requestHeaders().get("Authorization"))
            .or(() -> Optional.ofNullable(query.get("session")).map(token -> "Bearer " + token));
    Authentication authentication = authenticator.authenticate(authorization);
    if (authentication instanceof Authentication.Refused refusal) {
      throw new ProblemException(
          Problems.unauthenticated(refusal.detail(), refusal.invalidToken()));
    }
    Caller caller = ((Authentication.Accepted) authentication).caller();
    context.caller(caller.id());
    CollectionConfig config = keyway.config().collections().get(collection);
    boolean allowed =
        config.calls().keySet().stream().anyMatch(call -> caller.allows(collection, call));
    if (!allowed) {
      throw new ProblemException(Problems.callNotAllowed(caller.id(), collection, "*"));
    }
    return caller;
  }

  private URI redirectUri(String collection) {
    return URI.create(
        base()
            + (connections.usesGenericRedirect(collection)
                ? "/oauth/callback"
                : "/oauth/" + collection + "/callback"));
  }

  private String base() {
    String url = publicUrl.get().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Map<String, Object> describe(String collection, Optional<ConnectionInfo> info) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("collection", collection);
    document.put("connected", info.isPresent());
    info.ifPresent(
        connection -> {
          document.put("providerUserId", connection.providerUserId());
          connection.email().ifPresent(email -> document.put("email", email));
          document.put("scopes", List.copyOf(new java.util.TreeSet<>(connection.scopes())));
          connection.expiresAt().ifPresent(at -> document.put("expiresAt", at.toString()));
          document.put("refreshable", connection.refreshable());
        });
    return document;
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new ProblemException(Problems.methodNotAllowed());
    }
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> query = new LinkedHashMap<>();
    new QueryStringDecoder(uri, StandardCharsets.UTF_8)
        .parameters()
        .forEach((name, values) -> query.put(name, values.get(0)));
    return query;
  }

  private static Mono<Void> redirect(
      HttpServerResponse response, CallContext context, HttpResponseStatus status, URI location) {
    context.status(status.code());
    context.writeBaseHeaders(response.responseHeaders());
    return response
        .status(status)
        .header("Location", location.toString())
        .header("Content-Length", "0")
        .send()
        .then();
  }

  private static Mono<Void> json(
      HttpServerResponse response, CallContext context, int status, Map<String, ?> document) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      return Mono.error(new IllegalStateException("a JSON answer could not be written", e));
    }
    context.status(status);
    context.writeBaseHeaders(response.responseHeaders());
    return response
        .status(status)
        .header("Content-Type", "application/json")
        .header("Content-Length", Integer.toString(body.length))
        .sendByteArray(Mono.just(body))
        .then();
  }
}
