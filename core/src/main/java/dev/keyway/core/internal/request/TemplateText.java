package dev.keyway.core.internal.request;

import dev.keyway.core.config.ParamConfig.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A body template split once into fixed text and {@code <name>} placeholders, where {@code name} is
 * a declared {@code in: body} parameter; any other {@code <...>} stays text. For JSON it records
 * whether each placeholder sits inside a string literal, which decides how its value is written.
 */
final class TemplateText {

  final String[] literals;
  final int[] params;
  final boolean[] inString;
  final Set<String> used;

  private TemplateText(String[] literals, int[] params, boolean[] inString, Set<String> used) {
    this.literals = literals;
    this.params = params;
    this.inString = inString;
    this.used = used;
  }

  /** Splits {@code text}; with {@code json}, tracks string literals and their escapes. */
  static TemplateText parse(String text, ParamSet declared, boolean json) {
    List<String> literals = new ArrayList<>();
    List<Integer> params = new ArrayList<>();
    List<Boolean> inStrings = new ArrayList<>();
    Set<String> used = new HashSet<>();
    StringBuilder literal = new StringBuilder();
    boolean inString = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (json && inString && c == '\\') {
        // An escape: the next character can neither end the string nor open a placeholder.
        literal.append(text, i, Math.min(i + 2, text.length()));
        i += 2;
        continue;
      }
      if (json && c == '"') {
        inString = !inString;
      } else if (c == '<') {
        int close = text.indexOf('>', i + 1);
        EffectiveParam param = close < 0 ? null : declared.find(text.substring(i + 1, close));
        if (param != null && param.in() == Location.BODY) {
          literals.add(literal.toString());
          literal.setLength(0);
          params.add(param.index());
          inStrings.add(inString);
          used.add(param.name());
          i = close + 1;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    literals.add(literal.toString());
    boolean[] flags = new boolean[inStrings.size()];
    for (int k = 0; k < flags.length; k++) {
      flags[k] = inStrings.get(k);
    }
    return new TemplateText(
        literals.toArray(String[]::new),
        params.stream().mapToInt(Integer::intValue).toArray(),
        flags,
        Set.copyOf(used));
  }

  /** Returns the total length of the fixed text. */
  int fixedLength() {
    int total = 0;
    for (String literal : literals) {
      total += literal.length();
    }
    return total;
  }
}
