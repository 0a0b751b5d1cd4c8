package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A call's path with {@code [name]} placeholders, split once into literal text and parameter names,
 * behind the base URL's path prefix.
 */
final class PathTemplate {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Literal text, or the name of a path parameter. */
  private record Piece(String text, boolean parameter) {}

  private final List<Piece> pieces;
  private final Set<String> names;

  private PathTemplate(List<Piece> pieces, Set<String> names) {
    this.pieces = List.copyOf(pieces);
    this.names = Set.copyOf(names);
  }

  /** Parses {@code template} behind {@code prefix}; records problems at {@code path}. */
  static PathTemplate parse(String prefix, String template, String path, ConfigProblems problems) {
    List<Piece> pieces = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    StringBuilder literal = new StringBuilder(base);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == ']') {
        problems.add(path, "unbalanced ']' at position " + i);
        return null;
      }
      if (c != '[') {
        literal.append(c);
        i++;
        continue;
      }
      int end = template.indexOf(']', i);
      if (end < 0) {
        problems.add(path, "unbalanced '[' at position " + i);
        return null;
      }
      String name = template.substring(i + 1, end);
      if (!NAME.matcher(name).matches()) {
        problems.add(path, "'[" + name + "]' is not a parameter name (letters, digits, _ . -)");
        return null;
      }
      if (!names.add(name)) {
        problems.add(path, "[" + name + "] appears twice");
      }
      pieces.add(new Piece(literal.toString(), false));
      literal.setLength(0);
      pieces.add(new Piece(name, true));
      i = end + 1;
    }
    pieces.add(new Piece(literal.toString(), false));
    checkLiterals(pieces, path, problems);
    return new PathTemplate(pieces, names);
  }

  private static void checkLiterals(List<Piece> pieces, String path, ConfigProblems problems) {
    StringBuilder all = new StringBuilder();
    for (Piece piece : pieces) {
      all.append(piece.parameter() ? "x" : piece.text());
    }
    String text = all.toString();
    for (char c : text.toCharArray()) {
      if (c == '?' || c == '#' || c <= ' ' || c == 0x7f) {
        problems.add(
            path, "the path cannot contain '?', '#', spaces or control characters; use query");
        return;
      }
    }
    for (String segment : text.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        problems.add(path, "the path cannot contain '.' or '..' segments");
        return;
      }
    }
  }

  /** Returns the names of the path's parameters. */
  Set<String> names() {
    return names;
  }

  /** Returns the raw path with each parameter's encoded value; every value must be valid. */
  String expand(Map<String, String> values) {
    StringBuilder out = new StringBuilder(64);
    for (Piece piece : pieces) {
      out.append(piece.parameter() ? PathSegment.encode(values.get(piece.text())) : piece.text());
    }
    return out.toString();
  }
}
