package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.ParamConfig;
import dev.keyway.core.config.ParamConfig.Location;
import dev.keyway.spi.Headers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one call — the collection's shared ones merged with the call's own, the call's
 * winning on a name clash — and the binding of a caller's values to them.
 *
 * <p>Binding accepts only declared, public parameters with text, number or boolean values, checks
 * each value for where it goes, and fills in private values and defaults. It reports every problem
 * at once, each naming the parameter and never quoting its value. Immutable and thread-safe.
 */
final class ParamSet {

  static final String HEADER_VALUE =
      "a header value cannot contain line breaks or control characters";

  private static final int MAX_NAME_SHOWN = 64;

  private final String callName;
  private final EffectiveParam[] params;
  private final Map<String, EffectiveParam> byName;
  private final String[] fallbackTexts;
  private final String[] fallbackSegments;

  private ParamSet(
      String callName, EffectiveParam[] params, String[] fallbackTexts, String[] fallbackSegments) {
    this.callName = callName;
    this.params = params;
    this.fallbackTexts = fallbackTexts;
    this.fallbackSegments = fallbackSegments;
    Map<String, EffectiveParam> index = new HashMap<>();
    for (EffectiveParam param : params) {
      index.put(param.name(), param);
    }
    this.byName = index;
  }

  /**
   * Merges and checks the parameters of {@code call}, recording each mistake in {@code problems}.
   */
  static ParamSet compile(CollectionConfig collection, CallConfig call, ConfigProblems problems) {
    String callPath = collection.path() + ".calls." + call.id();
    Map<String, EffectiveParam> merged = new LinkedHashMap<>();
    collection
        .params()
        .forEach(
            (name, config) ->
                merged.put(
                    name,
                    new EffectiveParam(name, config, collection.path() + ".params." + name, 0)));
    call.params()
        .forEach(
            (name, config) ->
                // A call's own declaration replaces a shared one but keeps its position.
                merged.put(
                    name, new EffectiveParam(name, config, callPath + ".params." + name, 0)));
    EffectiveParam[] params = new EffectiveParam[merged.size()];
    String[] fallbackTexts = new String[params.length];
    String[] fallbackSegments = new String[params.length];
    int index = 0;
    for (EffectiveParam declared : merged.values()) {
      EffectiveParam param =
          new EffectiveParam(declared.name(), declared.config(), declared.path(), index);
      params[index] = param;
      fallbackTexts[index] = fallback(param, call, problems);
      if (param.in() == Location.PATH && fallbackTexts[index] != null) {
        fallbackSegments[index] = PathSegments.encode(fallbackTexts[index]);
      }
      index++;
    }
    return new ParamSet(collection.id() + "." + call.id(), params, fallbackTexts, fallbackSegments);
  }

  /** Checks one declaration and returns its configured value (private) or default, if valid. */
  private static String fallback(EffectiveParam param, CallConfig call, ConfigProblems problems) {
    ParamConfig config = param.config();
    String field = config.isPrivate() ? "value" : "default";
    String fallback = (config.isPrivate() ? config.value() : config.defaultValue()).orElse(null);
    if (config.isPrivate() && fallback == null) {
      problems.add(param.path("value"), "required for a private parameter");
    }
    String problem = null;
    switch (config.in()) {
      case PATH -> {
        problem = fallback == null ? null : PathSegments.refusal(fallback);
      }
      case HEADER -> {
        if (!Headers.isValidName(param.name())) {
          problems.add(
              param.path(), "not a valid header name (letters, digits and !#$%&'*+-.^_`|~)");
        } else if (ReservedHeaders.contains(param.name())) {
          problems.add(param.path(), ReservedHeaders.MESSAGE);
        }
        problem = fallback == null || Headers.isValidValue(fallback) ? null : HEADER_VALUE;
      }
      case BODY -> {
        if (call.body().type() == BodyConfig.Type.NONE) {
          problems.add(
              param.path(),
              "goes in the body, but call "
                  + call.id()
                  + " has no body: set its body type, or put the parameter in the path, the"
                  + " query or a header");
        }
      }
      case QUERY -> {}
    }
    if (problem != null) {
      // The message states the rule only: a private value may be a credential.
      problems.add(param.path(field), problem);
      return null;
    }
    return fallback;
  }

  /** Returns the parameter named {@code name}, or {@code null} if the call has none. */
  EffectiveParam find(String name) {
    return byName.get(name);
  }

  /** Returns the parameters that go to {@code location}, in declaration order. */
  List<EffectiveParam> in(Location location) {
    return Arrays.stream(params).filter(param -> param.in() == location).toList();
  }

  /**
   * Binds a caller's {@code input} (values {@code String}, {@code Number}, {@code Boolean}, or
   * {@code null} for absent) to these parameters.
   *
   * @throws CallRejectedException listing every problem
   */
  BoundParams bind(Map<String, ?> input) {
    Objects.requireNonNull(input, "params");
    int count = params.length;
    Object[] values = new Object[count];
    String[] texts = new String[count];
    String[] segments = new String[count];
    boolean[] passed = new boolean[count];
    List<ConfigProblem> problems = null;
    for (Map.Entry<String, ?> entry : input.entrySet()) {
      EffectiveParam param = entry.getKey() == null ? null : byName.get(entry.getKey());
      String problem;
      if (param == null) {
        problem = "not a parameter of " + callName;
      } else if (param.config().isPrivate()) {
        problem = "private; its value comes from configuration";
      } else if (entry.getValue() == null) {
        continue;
      } else {
        passed[param.index()] = true;
        problem = accept(param, entry.getValue(), values, texts, segments);
      }
      if (problem != null) {
        String name = param == null ? printable(entry.getKey()) : param.name();
        problems = add(problems, name, problem);
      }
    }
    for (EffectiveParam param : params) {
      int i = param.index();
      if (passed[i]) {
        continue;
      }
      if (fallbackTexts[i] != null) {
        values[i] = fallbackTexts[i];
        texts[i] = fallbackTexts[i];
        segments[i] = fallbackSegments[i];
      } else if (param.required()) {
        problems = add(problems, param.name(), "required");
      }
    }
    if (problems != null) {
      throw new CallRejectedException(problems);
    }
    return new BoundParams(values, texts, segments);
  }

  /** Stores a caller's value, or returns why it cannot go where its parameter is declared. */
  private static String accept(
      EffectiveParam param, Object value, Object[] values, String[] texts, String[] segments) {
    String text;
    if (value instanceof String string) {
      text = string;
    } else if (value instanceof Boolean bool) {
      text = bool.toString();
    } else if (value instanceof Number number) {
      text = JsonNumber.textOf(number);
      if (text == null) {
        return "must be a finite number";
      }
    } else {
      return "must be text, a number or a boolean";
    }
    int i = param.index();
    switch (param.in()) {
      case PATH -> {
        String refusal = PathSegments.refusal(text);
        if (refusal != null) {
          return refusal;
        }
        segments[i] = PathSegments.encode(text);
      }
      case HEADER -> {
        if (!Headers.isValidValue(text)) {
          return HEADER_VALUE;
        }
      }
      case QUERY, BODY -> {}
    }
    values[i] = value;
    texts[i] = text;
    return null;
  }

  private static List<ConfigProblem> add(
      List<ConfigProblem> problems, String name, String message) {
    List<ConfigProblem> list = problems == null ? new ArrayList<>() : problems;
    list.add(new ConfigProblem("params." + name, message));
    return list;
  }

  /**
   * Returns an undeclared name as it can be shown: control characters replaced and length capped,
   * so a caller cannot forge lines in a log or an error page with it.
   */
  private static String printable(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_NAME_SHOWN + 1));
    for (int i = 0; i < name.length() && i < MAX_NAME_SHOWN; i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (name.length() > MAX_NAME_SHOWN) {
      out.append('…');
    }
    return out.toString();
  }
}
