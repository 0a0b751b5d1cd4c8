package dev.keyway.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.keyway.api.InvalidConfigException;
import java.io.IOException;
import java.util.Locale;

/**
 * Parses configuration text, YAML or JSON, into a tree of maps, lists and text.
 *
 * <p>Every scalar is kept as the text written in the file, so {@code 0123} stays {@code "0123"} and
 * {@code yes} stays {@code "yes"} (YAML 1.1 would read them as 83 and true). Duplicate keys and
 * YAML aliases are refused. A syntax error names the line and column and never quotes the text: a
 * configuration file may hold plain-text credentials.
 */
final class ConfigText {

  private static final JsonFactory JSON = JsonFactory.builder().build();
  // An empty plain value ("key:") is null, as in YAML; a quoted "" stays an empty string.
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String END_OF_TEXT =
      " (the text ends inside a quoted value, a list or a map)";

  private ConfigText() {}

  /**
   * Returns the tree in {@code text}; {@code source} names it in messages (a file name, or empty).
   *
   * @throws InvalidConfigException with one problem when the text is not valid YAML or JSON
   */
  static JsonNode parse(String text, String source) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Attempt attempt;
    if (content.stripLeading().startsWith("{")) {
      // JSON allows what YAML does not (tabs between tokens), so it is tried first.
      Attempt json = attempt(JSON, content, "JSON");
      attempt = json.error() == null ? json : laterError(json, attempt(YAML, content, "YAML"));
    } else {
      attempt = attempt(YAML, content, "YAML");
    }
    if (attempt.error() != null) {
      String where = source.isEmpty() ? "" : source + ", ";
      throw new InvalidConfigException("", where + attempt.error());
    }
    if (attempt.tree() == null) {
      throw new InvalidConfigException(
          "", (source.isEmpty() ? "the configuration" : source) + " is empty");
    }
    return attempt.tree();
  }

  private record Attempt(JsonNode tree, SyntaxError error) {}

  /** A syntax error at a 1-based line and column. Its reason never quotes the input. */
  private static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    final int line;
    final int column;

    SyntaxError(int line, int column, String reason) {
      super(reason, null, false, false);
      this.line = line;
      this.column = column;
    }

    SyntaxError(JsonLocation location, String reason) {
      this(location.getLineNr(), location.getColumnNr(), reason);
    }

    boolean isAfter(SyntaxError other) {
      return line > other.line || (line == other.line && column > other.column);
    }

    @Override
    public String toString() {
      return line > 0 ? "line " + line + ", column " + column + ": " + getMessage() : getMessage();
    }
  }

  /** Of two failed attempts, keeps the one that got further: that is the likely format. */
  private static Attempt laterError(Attempt json, Attempt yaml) {
    if (yaml.error() == null) {
      return yaml;
    }
    return yaml.error().isAfter(json.error()) ? yaml : json;
  }

  private static Attempt attempt(JsonFactory factory, String text, String format) {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Attempt(null, null);
      }
      JsonNode tree = value(parser, first);
      if (parser.nextToken() != null) {
        throw new SyntaxError(
            parser.currentTokenLocation(),
            "a second document starts here; keep the whole configuration in one");
      }
      return new Attempt(tree, null);
    } catch (SyntaxError e) {
      return new Attempt(null, e);
    } catch (IOException | RuntimeException e) {
      // A parser's own message quotes the input, so only its location is kept.
      return new Attempt(null, syntaxError(e, format));
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token)
      throws IOException, SyntaxError {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new SyntaxError(
          parser.currentTokenLocation(),
          "YAML aliases (*name) are not supported; repeat the value, or use a collection's"
              + " shared headers and params");
    }
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_NULL -> NODES.nullNode();
      // Strings, numbers, booleans and binary: the text as written.
      default -> NODES.textNode(parser.getText());
    };
  }

  private static ArrayNode array(JsonParser parser) throws IOException, SyntaxError {
    ArrayNode array = NODES.arrayNode();
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY;
        item = parser.nextToken()) {
      array.add(value(parser, item));
    }
    return array;
  }

  private static ObjectNode object(JsonParser parser) throws IOException, SyntaxError {
    ObjectNode object = NODES.objectNode();
    for (JsonToken field = parser.nextToken();
        field != JsonToken.END_OBJECT;
        field = parser.nextToken()) {
      String name = parser.currentName();
      JsonLocation location = parser.currentTokenLocation();
      JsonNode child = value(parser, parser.nextToken());
      if (object.has(name)) {
        throw new SyntaxError(location, "duplicate key; each key may appear once in a map");
      }
      object.set(name, child);
    }
    return object;
  }

  private static SyntaxError syntaxError(Exception e, String format) {
    SyntaxError yaml = yamlSyntaxError(e, format);
    if (yaml != null) {
      return yaml;
    }
    String reason = "not valid " + format + (e instanceof JsonEOFException ? END_OF_TEXT : "");
    if (e instanceof JacksonException jackson && jackson.getLocation() != null) {
      return new SyntaxError(jackson.getLocation(), reason);
    }
    return new SyntaxError(0, 0, reason);
  }

  /**
   * Returns the error at SnakeYAML's own mark, which is more exact than the parser's location, with
   * its problem explained in words of our own. Jackson's deprecated wrapper is the only way to the
   * mark without depending on SnakeYAML directly.
   */
  @SuppressWarnings("deprecation")
  private static SyntaxError yamlSyntaxError(Exception e, String format) {
    if (!(e instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
      return null;
    }
    return new SyntaxError(
        marked.getProblemMark().getLine() + 1,
        marked.getProblemMark().getColumn() + 1,
        "not valid " + format + hint(String.valueOf(marked.getProblem())));
  }

  /** Explains well-known SnakeYAML problems, never quoting the input. */
  private static String hint(String problem) {
    String text = problem.toLowerCase(Locale.ROOT);
    if (text.contains("mapping values are not allowed")) {
      return " (a value contains ': '; put it in quotes)";
    }
    if (text.contains("(tab)")) {
      return " (a tab character; indent with spaces)";
    }
    if (text.contains("end of stream")) {
      return END_OF_TEXT;
    }
    if (text.contains("expected <block end>")) {
      return " (the indentation does not match the lines above)";
    }
    return "";
  }
}
