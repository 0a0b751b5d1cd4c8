package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Body;
import dev.keyway.spi.Headers;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.Settings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the request of an {@code oauth2-custom-token} block once, when the collection loads: a
 * POST to {@code tokenEndpoint} with {@code Accept: application/json}, the {@code tokenHeaders},
 * and the body of {@code bodyType} ({@code json}, the default, or {@code form}), placeholders
 * filled from {@code values}. The values come from the configuration only, so nothing about the
 * request changes later, and every token request sends the same one.
 */
final class TokenRequestTemplate {

  static final String HEADERS = "tokenHeaders";
  static final String BODY = "body";
  static final String BODY_TYPE = "bodyType";

  /** Headers the HTTP client writes from the URL and the body; configuration may not set them. */
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "upgrade");

  private TokenRequestTemplate() {}

  /**
   * Returns the request, or null after recording each problem; {@code url} is the validated token
   * endpoint, or null when it is not.
   */
  static OutboundRequest build(Settings settings, URI url, ConfigProblems problems) {
    int before = problems.list().size();
    PlaceholderValues values = PlaceholderValues.read(settings, problems);
    Headers headers = headers(settings, values, problems);
    Body body = body(settings, values, problems);
    if (headers != null && body != null) {
      // Only once everything was read: a value is not unused because the body could not be read.
      values.reportUnused();
    }
    if (problems.list().size() > before || url == null) {
      return null;
    }
    OutboundRequest request = target(url).withHeader("Accept", "application/json").withBody(body);
    for (var field : headers.entries()) {
      request = request.withHeader(field.getKey(), field.getValue());
    }
    return request;
  }

  /** Returns the filled headers, or null when {@code tokenHeaders} is not a map. */
  private static Headers headers(
      Settings settings, PlaceholderValues values, ConfigProblems problems) {
    Optional<Settings> section = settings.section(HEADERS);
    if (section.isEmpty()) {
      if (settings.names().contains(HEADERS)) {
        problems.add(
            settings.path(HEADERS), "expected a map of header names to values, e.g. {X-Key: k}");
        return null;
      }
      return Headers.empty();
    }
    Settings fields = section.get();
    Headers headers = Headers.empty();
    for (String name : fields.names()) {
      String path = fields.path(name);
      Optional<String> template = fields.text(name);
      if (!Headers.isValidName(name)) {
        problems.add(path, "not a valid header name");
      } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        problems.add(path, "Keyway sets this header itself; it cannot be configured");
      } else if (template.isEmpty()) {
        problems.add(path, "expected a single value, not a list or a map");
      } else {
        String value = values.fill(template.get(), path);
        if (Headers.isValidValue(value)) {
          headers = headers.with(name, value);
        } else {
          problems.add(path, "contains a line break or another control character");
        }
      }
    }
    return headers;
  }

  /** Returns the filled body, or null when it cannot be read. */
  private static Body body(Settings settings, PlaceholderValues values, ConfigProblems problems) {
    String type = settings.text(BODY_TYPE).orElse("json").strip().toLowerCase(Locale.ROOT);
    if (!type.equals("json") && !type.equals("form")) {
      problems.add(settings.path(BODY_TYPE), "expected json or form");
      return null;
    }
    if (!settings.names().contains(BODY)) {
      return Body.none();
    }
    return type.equals("json")
        ? JsonBody.render(settings, BODY, values, problems).map(Body::json).orElse(null)
        : FormBody.read(settings, BODY, values, problems).map(Body::form).orElse(null);
  }

  /** Returns a POST to {@code url}: its origin, its path, and its query parameters decoded. */
  private static OutboundRequest target(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    OutboundRequest request =
        OutboundRequest.create(
            "POST", URI.create(url.getScheme() + "://" + url.getRawAuthority()), path);
    if (url.getRawQuery() != null) {
      for (String pair : url.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        request =
            request.withQueryParameter(
                URLDecoder.decode(name, StandardCharsets.UTF_8),
                URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return request;
  }
}
