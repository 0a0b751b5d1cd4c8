package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.api.ConfigProblems;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Converts a tree of Java maps, lists, strings, numbers and booleans (as a YAML library would give)
 * into the same tree that {@link ConfigText} makes from a file, with every scalar as text.
 */
final class JavaTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JavaTree() {}

  /**
   * Returns {@code tree} as a configuration tree.
   *
   * @throws dev.keyway.api.InvalidConfigException naming every value of an unsupported type
   */
  static JsonNode convert(Map<String, ?> tree) {
    ConfigProblems problems = new ConfigProblems();
    JsonNode root = node(tree, "", problems);
    problems.throwIfAny();
    return root;
  }

  private static JsonNode node(Object value, String path, ConfigProblems problems) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() == null) {
          problems.add(path, "a key is null");
          continue;
        }
        String key = entry.getKey().toString();
        object.set(key, node(entry.getValue(), path.isEmpty() ? key : path + "." + key, problems));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      for (int i = 0; i < list.size(); i++) {
        array.add(node(list.get(i), path + "[" + i + "]", problems));
      }
      return array;
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.textNode(decimal.toPlainString());
    }
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return NODES.textNode(value.toString());
    }
    // Name the type only: the value itself may be a credential.
    problems.add(
        path,
        "unsupported value of type "
            + value.getClass().getName()
            + "; expected a map, list, string, number or boolean");
    return NODES.nullNode();
  }
}
