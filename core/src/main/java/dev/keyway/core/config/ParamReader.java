package dev.keyway.core.config;

import dev.keyway.core.config.ParamConfig.Location;
import dev.keyway.spi.Headers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code params} map, of a collection (shared by its calls) or of one call. Checks the
 * shape of each parameter only; whether templates and parameters agree is the call template's job.
 */
final class ParamReader {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private ParamReader() {}

  /** Returns the {@code params} of {@code owner}, or empty when any of them has a problem. */
  static Optional<Map<String, ParamConfig>> readAll(Section owner) {
    int mark = owner.problemCount();
    Map<String, ParamConfig> params = new LinkedHashMap<>();
    owner
        .section("params")
        .value()
        .ifPresent(
            all -> {
              for (String name : all.keys()) {
                if (!NAME.matcher(name).matches()) {
                  all.problems()
                      .add(
                          all.path(name), "not a valid parameter name; use letters, digits, _ . -");
                }
                all.requiredSection(name)
                    .flatMap(fields -> read(name, fields))
                    .ifPresent(param -> params.put(name, param));
              }
            });
    return owner.problemCount() > mark ? Optional.empty() : Optional.of(params);
  }

  private static Optional<ParamConfig> read(String name, Section fields) {
    int mark = fields.problemCount();
    Optional<Location> in = fields.requiredChoice("in", Location.class);
    boolean required = fields.flag("required").orElse(false);
    Optional<String> defaultValue = fields.text("default");
    boolean isPrivate = fields.flag("private").orElse(false);
    Optional<String> value = Optional.empty();
    if (isPrivate) {
      value =
          fields
              .lookup("value")
              .require(fields.problems(), fields.path("value"), fields.environment());
    } else if (fields.has("value")) {
      fields
          .problems()
          .add(
              fields.path("value"),
              "only a private parameter has a value (set private: true); callers pass the value"
                  + " of a public one");
    }
    if (in.orElse(null) == Location.HEADER) {
      checkHeaderValue(fields, "default", defaultValue);
      checkHeaderValue(fields, "value", value);
    }
    fields.rejectUnknownKeys();
    if (fields.problemCount() > mark) {
      return Optional.empty();
    }
    return Optional.of(
        new ParamConfig(name, in.orElseThrow(), required, defaultValue, isPrivate, value));
  }

  private static void checkHeaderValue(Section fields, String key, Optional<String> value) {
    if (value.isPresent() && !Headers.isValidValue(value.get())) {
      // Never quote the value: it may hold a credential.
      fields
          .problems()
          .add(fields.path(key), "the value contains a line break or another control character");
    }
  }
}
