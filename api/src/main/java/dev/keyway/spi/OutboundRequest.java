package dev.keyway.spi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request on its way to an upstream API, before and after an {@link AuthMethod} adds credentials.
 *
 * <p>Immutable: every {@code with...} method returns a new request. The origin (scheme, host and
 * port) is fixed when core creates the request from the collection's {@code baseUrl}, and no method
 * here can change it, so neither an auth method nor a caller can send a credential to another host.
 *
 * <p>{@link #toString()} shows the method, origin, path and query parameter <em>names</em>; never a
 * query value, a header value or the body.
 */
public final class OutboundRequest {

  private final String method;
  private final URI origin;
  private final String rawPath;
  private final List<FormField> query;
  private final Headers headers;
  private final Body body;
  private final String user;

  private OutboundRequest(
      String method,
      URI origin,
      String rawPath,
      List<FormField> query,
      Headers headers,
      Body body,
      String user) {
    this.method = method;
    this.origin = origin;
    this.rawPath = rawPath;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.user = user;
  }

  /**
   * Creates a request to {@code url}, an absolute http(s) URL from configuration (a token or
   * profile endpoint): its scheme, host and port become the origin, its path the raw path ({@code
   * /} when empty), and its query the query parameters (form-decoded). A fragment is dropped.
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with a host, or
   *     has user info
   */
  public static OutboundRequest to(String method, URI url) {
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the URL must not hold a user name or password");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    OutboundRequest request =
        create(method, URI.create(scheme + "://" + url.getRawAuthority()), path);
    if (url.getRawQuery() != null) {
      for (String pair : url.getRawQuery().split("&")) {
        if (!pair.isEmpty()) {
          int equals = pair.indexOf('=');
          request =
              request.withQueryParameter(
                  URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8),
                  equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8));
        }
      }
    }
    return request;
  }

  /**
   * Creates a request to {@code origin} (scheme, host and optional port only) with an already
   * percent-encoded {@code rawPath} starting with {@code /}.
   */
  public static OutboundRequest create(String method, URI origin, String rawPath) {
    Objects.requireNonNull(method, "method");
    if (!Headers.isValidName(method)) {
      throw new IllegalArgumentException("not a valid HTTP method: " + method);
    }
    checkOrigin(origin);
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with '/'");
    }
    return new OutboundRequest(
        method.toUpperCase(Locale.ROOT),
        origin,
        rawPath,
        List.of(),
        Headers.empty(),
        Body.none(),
        null);
  }

  private static void checkOrigin(URI origin) {
    Objects.requireNonNull(origin, "origin");
    String scheme = origin.getScheme();
    boolean httpScheme = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    boolean bare =
        (origin.getRawPath() == null || origin.getRawPath().isEmpty())
            && origin.getRawQuery() == null
            && origin.getRawFragment() == null
            && origin.getRawUserInfo() == null;
    if (!httpScheme || origin.getHost() == null || !bare) {
      throw new IllegalArgumentException(
          "an origin is http(s)://host[:port] with nothing else: "
              + scheme
              + "://"
              + origin.getHost());
    }
  }

  /** Returns the HTTP method, upper-case. */
  public String method() {
    return method;
  }

  /** Returns the origin: scheme, host and port. It cannot be changed after creation. */
  public URI origin() {
    return origin;
  }

  /** Returns the percent-encoded path, starting with {@code /}. */
  public String rawPath() {
    return rawPath;
  }

  /** Returns the query parameters, decoded, in order. */
  public List<FormField> query() {
    return query;
  }

  /** Returns the header fields. */
  public Headers headers() {
    return headers;
  }

  /** Returns the body. */
  public Body body() {
    return body;
  }

  /** Returns the end user on whose behalf the call is made, if the caller named one. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** Returns a copy with {@code name} set to {@code value}, replacing any field of that name. */
  public OutboundRequest withHeader(String name, String value) {
    return withHeaders(headers.with(name, value));
  }

  /** Returns a copy with the given header fields. */
  public OutboundRequest withHeaders(Headers newHeaders) {
    return new OutboundRequest(
        method, origin, rawPath, query, Objects.requireNonNull(newHeaders), body, user);
  }

  /** Returns a copy with one more query parameter {@code name=value}, appended last. */
  public OutboundRequest withQueryParameter(String name, String value) {
    List<FormField> copy = new ArrayList<>(query);
    copy.add(new FormField(name, value));
    return new OutboundRequest(method, origin, rawPath, List.copyOf(copy), headers, body, user);
  }

  /** Returns a copy with the given body. */
  public OutboundRequest withBody(Body newBody) {
    return new OutboundRequest(
        method, origin, rawPath, query, headers, Objects.requireNonNull(newBody), user);
  }

  /** Returns a copy made on behalf of end user {@code userId} ({@code null} for none). */
  public OutboundRequest withUser(String userId) {
    return new OutboundRequest(method, origin, rawPath, query, headers, body, userId);
  }

  /** Returns the query encoded for a URL (RFC 3986, UTF-8, space as {@code %20}), or "". */
  public String rawQuery() {
    return query.stream()
        .map(
            field -> encodeQueryComponent(field.name()) + "=" + encodeQueryComponent(field.value()))
        .collect(Collectors.joining("&"));
  }

  /** Returns the full URL to send. It contains query values, so never log it. */
  public URI uri() {
    String rawQuery = rawQuery();
    return URI.create(origin + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
  }

  /**
   * Percent-encodes a query name or value; only RFC 3986 unreserved characters stay as they are.
   */
  public static String encodeQueryComponent(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  @Override
  public String toString() {
    String names =
        query.isEmpty()
            ? ""
            : query.stream().map(FormField::name).collect(Collectors.joining("&", "?", ""));
    return method + " " + origin + rawPath + names;
  }
}
