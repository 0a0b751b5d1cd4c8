package dev.keyway.testkit;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Accepts a request whose body holds field {@code fieldName} with the key: a top-level string
 * member of a JSON object ({@code application/json} or {@code +json}), or exactly one field of an
 * {@code application/x-www-form-urlencoded} form. A JSON body with a duplicate member is refused,
 * as a parser could pick either value.
 */
final class BodyKeyRealm implements Realm {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String fieldName;
  private final String key;

  BodyKeyRealm(String fieldName, String key) {
    this.fieldName = fieldName;
    this.key = key;
  }

  String fieldName() {
    return fieldName;
  }

  String key() {
    return key;
  }

  @Override
  public String name() {
    return "body-key";
  }

  @Override
  public boolean accepts(RecordedRequest request) {
    String mediaType = mediaType(request);
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      return acceptsJson(request.body());
    }
    if (mediaType.equals("application/x-www-form-urlencoded")) {
      List<String> values =
          QueryString.parse(request.bodyText()).getOrDefault(fieldName, List.of());
      return values.size() == 1 && Credentials.matches(key, values.get(0));
    }
    return false;
  }

  private boolean acceptsJson(byte[] body) {
    try {
      JsonNode member = JSON.readTree(body).get(fieldName);
      return member != null && member.isTextual() && Credentials.matches(key, member.textValue());
    } catch (IOException | RuntimeException e) {
      return false; // not JSON, not an object, or a duplicate member
    }
  }

  private static String mediaType(RecordedRequest request) {
    String contentType = request.header("Content-Type").orElse("");
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String challenge() {
    return "ApiKey realm=\"sandbox\", field=\"" + fieldName + "\"";
  }
}
