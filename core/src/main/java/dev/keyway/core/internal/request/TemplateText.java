package dev.keyway.core.internal.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Template text with {@code <name>} placeholders for declared body parameters, split once into
 * pieces. For JSON it also notes whether each placeholder stands inside a string literal, which
 * decides how its value is written. A {@code <word>} that names no body parameter stays literal.
 */
final class TemplateText {

  /** Literal text, or a placeholder for parameter {@code text}. */
  record Piece(String text, boolean placeholder, boolean inJsonString) {}

  private TemplateText() {}

  static List<Piece> split(String template, Set<String> parameters, boolean json) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean inString = false;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (json && c == '"') {
        inString = !inString;
      } else if (json && c == '\\' && inString && i + 1 < template.length()) {
        literal.append(c).append(template.charAt(i + 1));
        i += 2;
        continue;
      } else if (c == '<') {
        int end = template.indexOf('>', i + 1);
        if (end > i + 1 && parameters.contains(template.substring(i + 1, end))) {
          pieces.add(new Piece(literal.toString(), false, false));
          literal.setLength(0);
          pieces.add(new Piece(template.substring(i + 1, end), true, inString));
          i = end + 1;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    pieces.add(new Piece(literal.toString(), false, false));
    return pieces;
  }
}
