package dev.keyway.core.internal.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.api.Secret;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenRequestException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a token endpoint's answer: a token per RFC 6749 §5.1 from a JSON object, or from a
 * form-encoded body (as some servers answer), and an error per §5.2. Nothing read from the answer
 * reaches a message except the error code and a short printable description.
 */
final class TokenResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The characters RFC 6749 §5.2 allows in {@code error}. */
  private static final Pattern ERROR_CODE = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  private static final int MAX_DESCRIPTION = 200;

  private TokenResponses() {}

  /**
   * How a server answers: the field holding the access token ({@code access_token} unless the
   * method's {@code tokenName} says otherwise), and whether a body that is not JSON is read as a
   * form whatever its content type ({@code tokenAsQuerystring}).
   */
  record Format(String tokenName, boolean alwaysForm) {
    static final Format STANDARD = new Format("access_token", false);
  }

  /**
   * Returns the token in a 2xx {@code response}, or throws the {@link TokenRequestException} it
   * amounts to. {@code tokenName} names the field holding the access token ({@code access_token}).
   */
  static Token read(ExchangeResponse response, Instant issuedAt, Format format, String collection) {
    if (response.status() / 100 != 2) {
      throw error(response, collection);
    }
    String tokenName = format.tokenName();
    Map<String, String> fields = fields(response, format.alwaysForm());
    if (fields == null) {
      throw badResponse(collection, "is neither a JSON object nor a form");
    }
    String accessToken = fields.get(tokenName);
    if (accessToken == null || accessToken.isEmpty()) {
      throw badResponse(collection, "has no " + tokenName);
    }
    Optional<Instant> expiresAt = Optional.empty();
    String expiresIn = fields.get("expires_in");
    if (expiresIn != null && !expiresIn.isBlank()) {
      expiresAt = Optional.of(issuedAt.plusSeconds(seconds(expiresIn, collection)));
    }
    String type = fields.getOrDefault("token_type", "Bearer");
    Optional<Secret> refresh =
        Optional.ofNullable(fields.get("refresh_token")).filter(s -> !s.isEmpty()).map(Secret::of);
    Set<String> scopes =
        Optional.ofNullable(fields.get("scope")).stream()
            .flatMap(scope -> Arrays.stream(scope.trim().split("\\s+")))
            .filter(scope -> !scope.isEmpty())
            .collect(Collectors.toSet());
    return new Token(Secret.of(accessToken), type, refresh, issuedAt, expiresAt, scopes);
  }

  /** Returns the exception a non-2xx {@code response} from a token endpoint amounts to. */
  static TokenRequestException error(ExchangeResponse response, String collection) {
    Map<String, String> fields = fields(response, false);
    String code = fields == null ? null : fields.get("error");
    int status = response.status();
    if (code == null || !ERROR_CODE.matcher(code).matches()) {
      return new TokenRequestException(
          "http_" + status,
          status,
          "collection " + collection + ": the token endpoint answered " + status,
          null);
    }
    String description = fields.get("error_description");
    boolean showable =
        description != null
            && description.length() <= MAX_DESCRIPTION
            && ERROR_CODE.matcher(description).matches();
    return new TokenRequestException(
        code,
        status,
        "collection "
            + collection
            + ": the token endpoint refused the request: "
            + code
            + " ("
            + status
            + ")"
            + (showable ? ": " + description : ""),
        null);
  }

  private static long seconds(String text, String collection) {
    try {
      long seconds = new java.math.BigDecimal(text.trim()).longValue();
      if (seconds < 0) {
        throw badResponse(collection, "has a negative expires_in");
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw badResponse(collection, "has an expires_in that is not a number");
    }
  }

  /** Returns the top-level fields of a JSON object or a form body, or null if it is neither. */
  private static Map<String, String> fields(ExchangeResponse response, boolean alwaysForm) {
    String contentType =
        response.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    String body = response.bodyText().strip();
    if (body.startsWith("{")) {
      return json(body);
    }
    if (alwaysForm
        || contentType.startsWith("application/x-www-form-urlencoded")
        || contentType.startsWith("text/plain")) {
      return form(body);
    }
    return null;
  }

  private static Map<String, String> json(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (!(node instanceof ObjectNode object)) {
        return null;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        JsonNode value = field.getValue();
        if (value.isValueNode() && !value.isNull()) {
          fields.put(field.getKey(), value.asText());
        }
      }
      return fields;
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        return pair.isEmpty() ? fields : null;
      }
      try {
        fields.putIfAbsent(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return fields;
  }

  private static TokenRequestException badResponse(String collection, String what) {
    return new TokenRequestException(
        "bad_response",
        0,
        "collection " + collection + ": the token endpoint's answer " + what,
        null);
  }
}
