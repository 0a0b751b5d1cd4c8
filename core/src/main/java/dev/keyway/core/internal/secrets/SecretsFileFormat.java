package dev.keyway.core.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.api.Environment;
import dev.keyway.core.secrets.SecretStore;
import dev.keyway.core.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes version 1 of the secrets file, a JSON document:
 *
 * <pre>{@code
 * {
 *   "format" : "keyway-secrets",
 *   "version" : 1,
 *   "activeDataKey" : "dk-0f1e2d3c4b5a6978",
 *   "dataKeys" : [ { "id" : "dk-0f1e2d3c4b5a6978", "masterKeyId" : "mk-8c2f...",
 *                    "created" : "2026-01-01T00:00:00Z", "nonce" : "<base64>", "wrappedKey" : "<base64>" } ],
 *   "secrets" : [ { "name" : "stripe.live", "environment" : "live", "keyId" : "dk-0f1e2d3c4b5a6978",
 *                   "changed" : "2026-01-01T00:00:00Z", "nonce" : "<base64>", "ciphertext" : "<base64>" } ]
 * }
 * }</pre>
 *
 * <p>Problems name the file and the place in it ({@code secrets[2].nonce}), never its contents.
 */
public final class SecretsFileFormat {

  static final String FORMAT = "keyway-secrets";
  static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SecretsFileFormat() {}

  /** Returns the document in {@code bytes}, read from {@code file} (named in problems). */
  public static SecretsDocument read(byte[] bytes, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new SecretStoreException(
          file
              + ": not a Keyway secrets file (JSON syntax error at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new SecretStoreException(
          file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Reader reader = new Reader(file);
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new SecretStoreException(
          file + ": not a Keyway secrets file (no \"format\": \"" + FORMAT + "\")");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new SecretStoreException(
          file
              + ": secrets file format version "
              + root.path("version").asText("(none)")
              + " is not supported; this Keyway reads version "
              + VERSION
              + " (a newer Keyway may have written it)");
    }
    List<SecretsDocument.WrappedDataKey> keys = new ArrayList<>();
    JsonNode keyNodes = reader.array(root, "dataKeys");
    for (int i = 0; i < keyNodes.size(); i++) {
      JsonNode node = keyNodes.get(i);
      String at = "dataKeys[" + i + "]";
      keys.add(
          new SecretsDocument.WrappedDataKey(
              reader.text(node, at, "id"),
              reader.text(node, at, "masterKeyId"),
              reader.instant(node, at, "created"),
              new Aes256Gcm.Sealed(
                  reader.bytes(node, at, "nonce"), reader.bytes(node, at, "wrappedKey"))));
    }
    List<SecretsDocument.SealedValue> values = new ArrayList<>();
    JsonNode valueNodes = reader.array(root, "secrets");
    for (int i = 0; i < valueNodes.size(); i++) {
      JsonNode node = valueNodes.get(i);
      String at = "secrets[" + i + "]";
      String name = reader.text(node, at, "name");
      if (!SecretStore.isValidName(name)) {
        throw reader.problem(at + ".name", "is not a valid secret name");
      }
      values.add(
          new SecretsDocument.SealedValue(
              name,
              reader.environment(node, at),
              reader.text(node, at, "keyId"),
              reader.instant(node, at, "changed"),
              new Aes256Gcm.Sealed(
                  reader.bytes(node, at, "nonce"), reader.bytes(node, at, "ciphertext"))));
    }
    JsonNode active = root.get("activeDataKey");
    Optional<String> activeId =
        active == null || active.isNull() ? Optional.empty() : Optional.of(active.asText());
    return new SecretsDocument(activeId, keys, values);
  }

  /** Returns {@code document} as UTF-8 JSON. */
  public static byte[] write(SecretsDocument document) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    document.activeDataKey().ifPresent(id -> root.put("activeDataKey", id));
    ArrayNode keys = root.putArray("dataKeys");
    for (SecretsDocument.WrappedDataKey key : document.dataKeys()) {
      ObjectNode node = keys.addObject();
      node.put("id", key.id());
      node.put("masterKeyId", key.masterKeyId());
      node.put("created", key.created().toString());
      node.put("nonce", base64(key.wrapped().nonce()));
      node.put("wrappedKey", base64(key.wrapped().ciphertext()));
    }
    ArrayNode values = root.putArray("secrets");
    for (SecretsDocument.SealedValue value : document.values()) {
      ObjectNode node = values.addObject();
      node.put("name", value.name());
      node.put("environment", value.environment().configName());
      node.put("keyId", value.keyId());
      node.put("changed", value.changed().toString());
      node.put("nonce", base64(value.sealed().nonce()));
      node.put("ciphertext", base64(value.sealed().ciphertext()));
    }
    try {
      byte[] json = JSON.writeValueAsBytes(root);
      byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
      withNewline[json.length] = '\n';
      return withNewline;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the secrets file", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Reads fields, naming the file and the field in every problem. */
  private record Reader(String file) {

    SecretStoreException problem(String at, String message) {
      return new SecretStoreException(file + ": " + at + " " + message + "; the file is damaged");
    }

    JsonNode array(JsonNode root, String field) {
      JsonNode node = root.get(field);
      if (node == null || node.isNull()) {
        return JSON.createArrayNode();
      }
      if (!node.isArray()) {
        throw problem(field, "is not a list");
      }
      return node;
    }

    String text(JsonNode node, String at, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw problem(at + "." + field, "is missing");
      }
      return value.asText();
    }

    byte[] bytes(JsonNode node, String at, String field) {
      try {
        return Base64.getDecoder().decode(text(node, at, field));
      } catch (IllegalArgumentException e) {
        throw problem(at + "." + field, "is not base64");
      }
    }

    Instant instant(JsonNode node, String at, String field) {
      try {
        return Instant.parse(text(node, at, field));
      } catch (DateTimeParseException e) {
        throw problem(at + "." + field, "is not an ISO-8601 instant");
      }
    }

    Environment environment(JsonNode node, String at) {
      return Environment.parse(text(node, at, "environment"))
          .orElseThrow(() -> problem(at + ".environment", "is neither dev nor live"));
    }
  }
}
