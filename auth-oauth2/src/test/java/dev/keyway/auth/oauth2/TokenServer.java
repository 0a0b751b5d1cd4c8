package dev.keyway.auth.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyway.spi.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small loopback authorization server that records what each token request carried, for asserting
 * on the wire: {@code POST /oauth/token} (RFC 6749: client_secret_basic decoded per §2.3.1,
 * client_secret_post, password, client_credentials and rotating refresh_token grants) and {@code
 * POST /oauth/login} (a custom login: header {@code X-Login-Key}, JSON or form {@code user} and
 * {@code pass}, answering {@code {"data":{"token":...,"ttl":...}}}). Every token it issues is
 * {@link #accessToken()}, which the test's {@code Sandbox} accepts upstream.
 */
final class TokenServer implements AutoCloseable {

  /** A client secret with every character §2.3.1 form-encoding must survive. */
  static final String TRICKY_SECRET = "s3:cr+t%20 ünï/=&?";

  private static final ObjectMapper JSON = new ObjectMapper();

  final String clientId = "keyway-client";
  final String clientSecret;
  final String username = "reports";
  final String password = "pa:ss \"word\" ü";
  final String loginKey = "login-key-" + UUID.randomUUID();

  private final String accessToken;
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile String refreshToken = "";
  private volatile long lifetimeSeconds = 3600;
  private volatile boolean refreshForClientCredentials;
  private volatile String loginUser = "login-user";
  private volatile String loginPass = "lo\"gin\\pa\nss";

  /** One request as it arrived: decoded form fields (or JSON members) and headers. */
  record Received(
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      Map<String, String> fields) {

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst();
    }

    String field(String name) {
      return fields.get(name);
    }
  }

  private TokenServer(String accessToken, String clientSecret) throws IOException {
    this.accessToken = accessToken;
    this.clientSecret = clientSecret;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server that issues {@code accessToken} to a client with {@code clientSecret}. */
  static TokenServer start(String accessToken, String clientSecret) {
    try {
      return new TokenServer(accessToken, clientSecret);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String tokenUrl() {
    return base() + "/oauth/token";
  }

  String loginUrl() {
    return base() + "/oauth/login";
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String accessToken() {
    return accessToken;
  }

  String loginUser() {
    return loginUser;
  }

  String loginPass() {
    return loginPass;
  }

  void login(String user, String pass) {
    loginUser = user;
    loginPass = pass;
  }

  /** Sets expires_in (and ttl) of later answers; a negative value leaves it out. */
  void lifetime(long seconds) {
    lifetimeSeconds = seconds;
  }

  void refreshTokensForClientCredentials(boolean on) {
    refreshForClientCredentials = on;
  }

  /** Returns the refresh token the server would accept now. */
  String currentRefreshToken() {
    return refreshToken;
  }

  int refreshes() {
    return refreshes.get();
  }

  List<Received> requests() {
    return List.copyOf(received);
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name, List.copyOf(values)));
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> fields =
          type != null && type.startsWith("application/json") ? json(body) : form(body);
      String path = exchange.getRequestURI().getRawPath();
      received.add(
          new Received(path, exchange.getRequestURI().getRawQuery(), headers, body, fields));
      Answer answer =
          switch (path) {
            case "/oauth/token" -> token(exchange, fields);
            case "/oauth/login" -> login(exchange, fields);
            default -> new Answer(404, "{\"error\":\"not_found\"}");
          };
      byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(answer.status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private record Answer(int status, String body) {}

  private Answer token(HttpExchange exchange, Map<String, String> fields) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String id = fields.get("client_id");
    String secret = fields.get("client_secret");
    if (authorization != null && authorization.startsWith("Basic ")) {
      if (secret != null) {
        return error(400, "invalid_request");
      }
      String pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
      secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
    }
    boolean authenticated = clientId.equals(id) && clientSecret.equals(secret);
    if (secret != null && !authenticated) {
      return error(401, "invalid_client");
    }
    String grant = String.valueOf(fields.get("grant_type"));
    return switch (grant) {
      case "password" ->
          username.equals(fields.get("username")) && password.equals(fields.get("password"))
              ? issue(true)
              : error(400, "invalid_grant");
      case "client_credentials" ->
          authenticated ? issue(refreshForClientCredentials) : error(401, "invalid_client");
      case "refresh_token" -> {
        if (refreshToken.isEmpty() || !refreshToken.equals(fields.get("refresh_token"))) {
          yield error(400, "invalid_grant");
        }
        refreshes.incrementAndGet();
        yield issue(true);
      }
      default -> error(400, "unsupported_grant_type");
    };
  }

  private Answer issue(boolean withRefresh) {
    StringBuilder json =
        new StringBuilder("{\"access_token\":" + JsonString.quote(accessToken))
            .append(",\"token_type\":\"Bearer\"");
    if (lifetimeSeconds >= 0) {
      json.append(",\"expires_in\":").append(lifetimeSeconds);
    }
    if (withRefresh) {
      refreshToken = "rt-" + UUID.randomUUID();
      json.append(",\"refresh_token\":").append(JsonString.quote(refreshToken));
    }
    return new Answer(200, json.append('}').toString());
  }

  private Answer login(HttpExchange exchange, Map<String, String> fields) {
    boolean ok =
        loginKey.equals(exchange.getRequestHeaders().getFirst("X-Login-Key"))
            && loginUser.equals(fields.get("user"))
            && loginPass.equals(fields.get("pass"));
    if (!ok) {
      return new Answer(401, "{\"message\":\"bad login\"}");
    }
    String ttl = lifetimeSeconds >= 0 ? ",\"ttl\":" + lifetimeSeconds : "";
    return new Answer(200, "{\"data\":{\"token\":" + JsonString.quote(accessToken) + ttl + "}}");
  }

  private static Answer error(int status, String code) {
    return new Answer(status, "{\"error\":\"" + code + "\"}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      fields.merge(name, value, (a, b) -> a + "," + b);
    }
    return fields;
  }

  /** Returns the top-level text members of a JSON object; invalid JSON records no fields. */
  private static Map<String, String> json(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(body);
      node.properties()
          .forEach(
              entry ->
                  fields.put(
                      entry.getKey(),
                      entry.getValue().isTextual()
                          ? entry.getValue().textValue()
                          : entry.getValue().toString()));
    } catch (IOException | RuntimeException e) {
      fields.put("(invalid json)", e.getClass().getSimpleName());
    }
    return fields;
  }

  /** Returns the values of every repeated form field {@code name} in {@code body}, in order. */
  static List<String> all(String body, String name) {
    List<String> values = new ArrayList<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0
          && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
        values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
