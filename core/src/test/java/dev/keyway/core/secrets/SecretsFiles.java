package dev.keyway.core.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;

/** Reads and edits a secrets file as JSON, the way an attacker or a careless hand would. */
final class SecretsFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretsFiles() {}

  static ObjectNode read(Path file) {
    try {
      return (ObjectNode) JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void edit(Path file, Consumer<ObjectNode> change) {
    ObjectNode root = read(file);
    change.accept(root);
    try {
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the record of {@code name} in {@code environment}. */
  static ObjectNode record(ObjectNode root, String name, String environment) {
    for (var node : (ArrayNode) root.get("secrets")) {
      if (node.get("name").asText().equals(name)
          && node.get("environment").asText().equals(environment)) {
        return (ObjectNode) node;
      }
    }
    throw new AssertionError("no record " + name + " (" + environment + ")");
  }

  /** Flips one bit of the base64 field {@code field} of {@code node}, at byte {@code index}. */
  static void flip(ObjectNode node, String field, int index) {
    byte[] bytes = Base64.getDecoder().decode(node.get(field).asText());
    bytes[index] ^= 0x01;
    node.put(field, Base64.getEncoder().encodeToString(bytes));
  }
}
