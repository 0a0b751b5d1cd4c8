package dev.keyway.testkit;

import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import dev.keyway.spi.JsonString;
import dev.keyway.spi.OutboundRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the request the compatibility kit signs directly (without core's pipeline) from a call
 * definition written as in YAML: its method, its path with {@code [name]} filled from the declared
 * parameters' {@code value} or {@code default}, and its body ({@code json} with {@code <name>}
 * placeholders filled with JSON-escaped text, {@code form} or {@code raw}) from the {@code in:
 * body} parameters.
 *
 * <p>It approximates what core sends; the kit only needs a request of the right shape to compare
 * one sequential apply with many concurrent ones.
 */
final class ProbeRequest {

  private ProbeRequest() {}

  /** Returns the request {@code call} describes, to {@code origin}. */
  static OutboundRequest from(URI origin, Map<String, Object> call) {
    String method = text(call.get("method"), "GET");
    String path = fillPath(text(call.get("path"), "/"), values(call, "path"));
    int question = path.indexOf('?');
    OutboundRequest request =
        OutboundRequest.create(method, origin, question < 0 ? path : path.substring(0, question));
    if (question >= 0) {
      for (Map.Entry<String, List<String>> parameter :
          QueryString.parse(path.substring(question + 1)).entrySet()) {
        for (String value : parameter.getValue()) {
          request = request.withQueryParameter(parameter.getKey(), value);
        }
      }
    }
    Body body = body(call.get("body"), values(call, "body"));
    return body.kind() == Body.Kind.NONE ? request : request.withBody(body);
  }

  private static Body body(Object spec, Map<String, String> values) {
    Map<?, ?> body = spec instanceof Map<?, ?> map ? map : Map.of("type", text(spec, "none"));
    String template = text(body.get("template"), null);
    return switch (text(body.get("type"), "none").toLowerCase(Locale.ROOT)) {
      case "json" ->
          Body.json(template == null ? jsonObject(values) : fill(template, jsonEscaped(values)));
      case "form" ->
          Body.form(
              values.entrySet().stream()
                  .map(entry -> new FormField(entry.getKey(), entry.getValue()))
                  .collect(Collectors.toList()));
      case "raw" ->
          Body.raw(
              (template == null ? "" : template).getBytes(java.nio.charset.StandardCharsets.UTF_8),
              text(body.get("contentType"), "text/plain"));
      default -> Body.none();
    };
  }

  /** Returns the value or default of each parameter declared {@code in: location}, in order. */
  private static Map<String, String> values(Map<String, Object> call, String location) {
    Map<String, String> values = new LinkedHashMap<>();
    if (call.get("params") instanceof Map<?, ?> params) {
      for (Map.Entry<?, ?> param : params.entrySet()) {
        if (param.getValue() instanceof Map<?, ?> declared
            && location.equals(text(declared.get("in"), "query"))) {
          Object value =
              declared.get("value") != null ? declared.get("value") : declared.get("default");
          if (value != null) {
            values.put(String.valueOf(param.getKey()), String.valueOf(value));
          }
        }
      }
    }
    return values;
  }

  private static String fillPath(String path, Map<String, String> values) {
    String filled = path;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled =
          filled.replace(
              "[" + value.getKey() + "]", OutboundRequest.encodeQueryComponent(value.getValue()));
    }
    return filled;
  }

  private static String fill(String template, Map<String, String> values) {
    String filled = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace("<" + value.getKey() + ">", value.getValue());
    }
    return filled;
  }

  /** Returns the values escaped for the inside of a JSON string, as core fills them. */
  private static Map<String, String> jsonEscaped(Map<String, String> values) {
    Map<String, String> escaped = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          String quoted = JsonString.quote(value);
          escaped.put(name, quoted.substring(1, quoted.length() - 1));
        });
    return escaped;
  }

  private static String jsonObject(Map<String, String> values) {
    List<String> members = new ArrayList<>();
    values.forEach(
        (name, value) -> members.add(JsonString.quote(name) + ":" + JsonString.quote(value)));
    return "{" + String.join(",", members) + "}";
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : String.valueOf(value);
  }
}
