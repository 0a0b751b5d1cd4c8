package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Settings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The private {@code values} of an {@code oauth2-custom-token} block, and the filling of the {@code
 * <name>} placeholders that use them in its body and token headers. Every placeholder must have a
 * value and every value must be used: a misspelt name is a config problem, not a request that
 * quietly sends {@code <pasword>}.
 *
 * <p>Used while one block is read, then dropped; not thread-safe. Problems name paths, never
 * values.
 */
final class PlaceholderValues {

  static final String NAME = "values";

  /**
   * A placeholder: {@code <} and {@code >} around a name such as {@code user} or {@code api.key}.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z_][A-Za-z0-9_.-]*)>");

  private final String valuesPath;
  private final Map<String, String> values;
  private final Set<String> used = new LinkedHashSet<>();
  private final ConfigProblems problems;

  private PlaceholderValues(
      String valuesPath, Map<String, String> values, ConfigProblems problems) {
    this.valuesPath = valuesPath;
    this.values = values;
    this.problems = problems;
  }

  /** Reads {@code values} from {@code block}, recording a value that is not text. */
  static PlaceholderValues read(Settings block, ConfigProblems problems) {
    Map<String, String> values = new LinkedHashMap<>();
    Optional<Settings> section = block.section(NAME);
    if (section.isEmpty() && block.names().contains(NAME)) {
      problems.add(
          block.path(NAME), "expected a map of names to values, e.g. {password: \"${secret:x}\"}");
    }
    section.ifPresent(
        map -> {
          for (String name : map.names()) {
            Optional<String> text = map.text(name);
            if (text.isEmpty()) {
              problems.add(map.path(name), "expected a single value, not a list or a map");
            } else if (!PLACEHOLDER.matcher("<" + name + ">").matches()) {
              problems.add(
                  map.path(name),
                  "not a placeholder name: use letters, digits, '_', '.' and '-', starting with a"
                      + " letter or '_'");
            } else {
              values.put(name, text.get());
            }
          }
        });
    return new PlaceholderValues(block.path(NAME), values, problems);
  }

  /**
   * Returns {@code template} with each {@code <name>} replaced by its value, as is (the caller
   * escapes the result for where it goes); records a placeholder without a value at {@code path}.
   */
  String fill(String template, String path) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 32);
    int last = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      out.append(template, last, matcher.start());
      if (value == null) {
        problems.add(
            path, "placeholder <" + name + "> has no value: add " + name + " to " + valuesPath);
        out.append(matcher.group());
      } else {
        used.add(name);
        out.append(value);
      }
      last = matcher.end();
    }
    return out.append(template, last, template.length()).toString();
  }

  /** Records each value that no placeholder used. Call it after every {@link #fill}. */
  void reportUnused() {
    for (String name : values.keySet()) {
      if (!used.contains(name)) {
        problems.add(
            valuesPath + "." + name,
            "not used: write <" + name + "> in the body or a token header, or remove it");
      }
    }
  }
}
