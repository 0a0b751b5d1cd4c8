package dev.keyway.server.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyway.api.ConfigProblem;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gathers a caller's parameters from the three places they may be: a JSON object body (POST), the
 * query string, and the header fields the call declares as public header parameters. A name given
 * in two places, or twice in one, is refused; so is a body that is not a JSON object. The header
 * fields that carry the caller's own credentials or describe the connection ({@code Authorization},
 * {@code Cookie}, {@code Host}, {@code X-Forwarded-*}, hop-by-hop fields) are never taken, whatever
 * the call declares: such a parameter can only be passed in the body or query.
 *
 * <p>Error messages name parameters, never values, and never quote the body.
 */
final class CallParameters {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> NEVER_TAKEN =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "host",
          "origin",
          "referer",
          "forwarded",
          "content-length",
          "content-type",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "te",
          "trailer",
          "upgrade",
          "expect",
          "proxy-connection",
          "x-real-ip",
          "x-correlation-id");

  private CallParameters() {}

  /**
   * Returns the parameters of one request.
   *
   * @throws ProblemException with 415 for a body that is not JSON, 400 for a malformed one or a
   *     parameter given twice
   */
  static Map<String, Object> gather(byte[] body, HttpHeaders headers, String uri, CallEntry entry) {
    Map<String, Object> params = new LinkedHashMap<>(body(body, headers.get("Content-Type")));
    List<ConfigProblem> problems = new ArrayList<>();
    new QueryStringDecoder(uri, StandardCharsets.UTF_8)
        .parameters()
        .forEach(
            (name, values) -> {
              if (values.size() > 1) {
                problems.add(twice(name, "in the query string"));
              } else if (params.containsKey(name)) {
                problems.add(twice(name, "in the query string and the body"));
              } else {
                params.put(name, values.get(0));
              }
            });
    entry
        .headerParams()
        .forEach(
            (lowerCase, name) -> {
              if (isNeverTaken(lowerCase)) {
                return;
              }
              List<String> values = headers.getAll(name);
              if (values.isEmpty()) {
                return;
              }
              if (values.size() > 1) {
                problems.add(twice(name, "as a header field"));
              } else if (params.containsKey(name)) {
                problems.add(twice(name, "as a header field and in the body or query string"));
              } else {
                params.put(name, values.get(0));
              }
            });
    if (!problems.isEmpty()) {
      throw new ProblemException(Problems.badParameters(problems));
    }
    return params;
  }

  static boolean isNeverTaken(String lowerCaseName) {
    return NEVER_TAKEN.contains(lowerCaseName) || lowerCaseName.startsWith("x-forwarded-");
  }

  private static ConfigProblem twice(String name, String where) {
    return new ConfigProblem("params." + name, "given more than once " + where);
  }

  private static Map<String, Object> body(byte[] body, String contentType) {
    if (body.length == 0) {
      return Map.of();
    }
    if (!isJson(contentType)) {
      throw new ProblemException(Problems.unsupportedMediaType());
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      // Jackson's message quotes the input: never pass it on.
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new ProblemException(Problems.badBody("the body is not valid JSON" + where));
    } catch (java.io.IOException e) {
      throw new ProblemException(Problems.badBody("the body could not be read as JSON"));
    }
    if (root == null || !root.isObject()) {
      throw new ProblemException(
          Problems.badBody(
              "the body must be a JSON object of parameters, such as {\"city\": \"Oslo\"}"));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      params.put(field.getKey(), value(field.getValue()));
    }
    return params;
  }

  /**
   * Returns a JSON value as text, a number or a boolean; other values are left for core to refuse.
   */
  private static Object value(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node; // an object or array: core answers "must be text, a number or a boolean"
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
