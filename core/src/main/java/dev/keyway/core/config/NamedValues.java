package dev.keyway.core.config;

import dev.keyway.spi.Headers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the fixed {@code headers} and {@code query} maps of a collection or call: name to value. An
 * entry whose value exists only for the other environment is left out in this one, so {@code
 * X-Debug: {dev: "1"}} sends the header in dev only.
 */
final class NamedValues {

  private NamedValues() {}

  /** Returns the {@code headers} of {@code owner}, or empty when any of them has a problem. */
  static Optional<Map<String, String>> headers(Section owner) {
    return read(owner, "headers", true);
  }

  /** Returns the {@code query} of {@code owner}, or empty when any of them has a problem. */
  static Optional<Map<String, String>> query(Section owner) {
    return read(owner, "query", false);
  }

  private static Optional<Map<String, String>> read(Section owner, String key, boolean headers) {
    int mark = owner.problemCount();
    Map<String, String> entries = new LinkedHashMap<>();
    Optional<Section> section = owner.section(key).value();
    if (section.isEmpty()) {
      return owner.problemCount() > mark ? Optional.empty() : Optional.of(entries);
    }
    Section fields = section.get();
    for (String name : fields.keys()) {
      String path = fields.path(name);
      if (headers && !Headers.isValidName(name)) {
        fields
            .problems()
            .add(path, "not a valid header name (use letters, digits and !#$%&'*+-.^_`|~)");
      }
      if (!headers && name.isBlank()) {
        fields.problems().add(path, "a query parameter needs a name");
      }
      Lookup<String> value = fields.lookup(name);
      if (value.state() == Lookup.State.ABSENT) {
        fields.problems().add(path, "expected a value");
      }
      if (headers && value.value().filter(text -> !Headers.isValidValue(text)).isPresent()) {
        // Never quote the value: it may hold a credential.
        fields.problems().add(path, "the value contains a line break or another control character");
      }
      value.value().ifPresent(text -> entries.put(name, text));
    }
    return owner.problemCount() > mark ? Optional.empty() : Optional.of(entries);
  }
}
