package dev.keyway.auth.oauth2;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.JsonString;
import dev.keyway.spi.Settings;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the JSON body of an {@code oauth2-custom-token} request, written either as a map in the
 * YAML ({@code body: {user: "<user>"}}) or as JSON text ({@code body: '{"user": "<user>", "n":
 * 1}'}). Placeholders are filled in string values only, and each filled string is written with
 * {@link JsonString#quote}, so a value holding quotes, backslashes or line breaks stays one valid
 * JSON string. In the map form every value is a string (YAML numbers and booleans arrive as text);
 * write JSON text for numbers, booleans or {@code null}.
 */
final class JsonBody {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBody() {}

  /** Returns the rendered body the setting {@code name} of {@code block} holds. */
  static Optional<String> render(
      Settings block, String name, PlaceholderValues values, ConfigProblems problems) {
    Optional<Settings> map = block.section(name);
    if (map.isPresent()) {
      StringBuilder out = new StringBuilder();
      object(map.get(), values, out);
      return Optional.of(out.toString());
    }
    Optional<String> text = block.text(name);
    if (text.isEmpty()) {
      problems.add(block.path(name), "expected a map or JSON text, not a list");
      return Optional.empty();
    }
    String path = block.path(name);
    JsonNode tree;
    try {
      tree = JSON.readTree(text.get());
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text it choked on, which may be a resolved secret.
      JsonLocation at = e.getLocation();
      problems.add(
          path,
          "not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + "; write placeholders inside strings, e.g. {\"user\": \"<user>\"}");
      return Optional.empty();
    }
    if (tree == null || tree.isMissingNode()) {
      problems.add(path, "empty: write a JSON object or leave body out");
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(text.get().length() + 64);
    node(tree, path, values, out);
    return Optional.of(out.toString());
  }

  private static void node(
      JsonNode node, String path, PlaceholderValues values, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(JsonString.quote(field.getKey())).append(':');
        node(field.getValue(), path, values, out);
        out.append(fields.hasNext() ? "," : "");
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        node(node.get(i), path, values, out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      out.append(JsonString.quote(values.fill(node.textValue(), path)));
    } else {
      out.append(node); // a number, true, false or null: already JSON
    }
  }

  private static void object(Settings map, PlaceholderValues values, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (String name : map.names()) {
      out.append(first ? "" : ",").append(JsonString.quote(name)).append(':');
      first = false;
      Optional<Settings> nested = map.section(name);
      if (nested.isPresent()) {
        object(nested.get(), values, out);
      } else if (map.text(name).isPresent()) {
        out.append(JsonString.quote(values.fill(map.text(name).get(), map.path(name))));
      } else {
        List<String> items = map.list(name).orElse(List.of());
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
          out.append(i == 0 ? "" : ",")
              .append(JsonString.quote(values.fill(items.get(i), map.path(name))));
        }
        out.append(']');
      }
    }
    out.append('}');
  }
}
