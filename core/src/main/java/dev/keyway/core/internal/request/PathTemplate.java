package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.ParamConfig.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A call's path, compiled: the base URL's prefix, then the call path with each {@code [name]}
 * replaced by that parameter's value as one percent-encoded segment. The fixed parts are checked
 * and joined once, so rendering only appends.
 */
final class PathTemplate {

  private final String[] literals;
  private final int[] params;
  private final int length;

  private PathTemplate(String[] literals, int[] params) {
    this.literals = literals;
    this.params = params;
    int total = 0;
    for (String literal : literals) {
      total += literal.length();
    }
    this.length = total;
  }

  /**
   * Compiles {@code template} after {@code prefix} (joined with exactly one {@code /}), recording
   * each mistake at {@code path}; returns {@code null} if there is one.
   */
  static PathTemplate compile(
      String prefix,
      String template,
      String path,
      String callId,
      ParamSet params,
      ConfigProblems problems) {
    int start = 0;
    while (start < template.length() && template.charAt(start) == '/') {
      start++;
    }
    String relative = template.substring(start);
    if (!isBalanced(relative)) {
      problems.add(path, "unbalanced '[' or ']': write each path parameter as [name]");
      return null;
    }
    int problemsBefore = problems.list().size();
    List<String> literals = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    Set<String> used = new HashSet<>();
    StringBuilder fixed = new StringBuilder();
    StringBuilder literal = new StringBuilder(prefix).append('/');
    int i = 0;
    while (i < relative.length()) {
      char c = relative.charAt(i);
      if (c != '[') {
        literal.append(c);
        fixed.append(c);
        i++;
        continue;
      }
      int close = relative.indexOf(']', i);
      String name = relative.substring(i + 1, close);
      i = close + 1;
      // A stand-in keeps segment boundaries visible to the check of the fixed text.
      fixed.append('x');
      EffectiveParam param = name.isEmpty() ? null : params.find(name);
      if (name.isEmpty()) {
        problems.add(path, "[] names no parameter: write [name]");
      } else if (param == null) {
        problems.add(path, "[" + name + "] is not a declared parameter: declare it with in: path");
      } else if (param.in() != Location.PATH) {
        problems.add(
            path,
            "["
                + name
                + "] is declared in: "
                + param.in().name().toLowerCase(Locale.ROOT)
                + "; only in: path parameters go in the path");
      } else if (!used.add(name)) {
        problems.add(path, "[" + name + "] appears more than once");
      } else {
        literals.add(literal.toString());
        literal.setLength(0);
        indexes.add(param.index());
      }
    }
    literals.add(literal.toString());
    for (String problem : UrlPathText.problems(fixed.toString())) {
      problems.add(path, problem);
    }
    for (EffectiveParam param : params.in(Location.PATH)) {
      if (!used.contains(param.name())) {
        problems.add(
            param.path(),
            "is in: path but the path of call "
                + callId
                + " has no ["
                + param.name()
                + "]: add it to the path or declare the parameter elsewhere");
      }
    }
    if (problems.list().size() > problemsBefore) {
      return null;
    }
    return new PathTemplate(
        literals.toArray(String[]::new), indexes.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean isBalanced(String template) {
    boolean open = false;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '[') {
        if (open) {
          return false;
        }
        open = true;
      } else if (c == ']') {
        if (!open) {
          return false;
        }
        open = false;
      }
    }
    return !open;
  }

  /** Returns the percent-encoded path for {@code bound} values, starting with {@code /}. */
  String render(BoundParams bound) {
    if (params.length == 0) {
      return literals[0];
    }
    StringBuilder out = new StringBuilder(length + params.length * 16);
    out.append(literals[0]);
    for (int k = 0; k < params.length; k++) {
      out.append(bound.segment(params[k])).append(literals[k + 1]);
    }
    return out.toString();
  }
}
