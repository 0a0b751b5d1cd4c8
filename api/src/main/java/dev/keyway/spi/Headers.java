package dev.keyway.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive names (RFC 9110 §5).
 *
 * <p>Every value is checked on the way in: a name must be an RFC 9110 token, and a value must not
 * contain CR, LF, NUL or other control characters (HTAB aside), so a value can never start a new
 * header line. {@link #toString()} shows names only, never values: header values often carry
 * credentials.
 */
public final class Headers {

  private static final Headers EMPTY = new Headers(List.of());

  private final List<Map.Entry<String, String>> fields;

  private Headers(List<Map.Entry<String, String>> fields) {
    this.fields = fields;
  }

  /** Returns headers with no field. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Returns headers holding the given fields, in iteration order, each checked. */
  public static Headers of(Map<String, String> fields) {
    Headers headers = EMPTY;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      headers = headers.add(field.getKey(), field.getValue());
    }
    return headers;
  }

  /** Returns a copy with {@code name} set to {@code value}, replacing any field of that name. */
  public Headers with(String name, String value) {
    checkName(name);
    checkValue(name, value);
    List<Map.Entry<String, String>> copy = new ArrayList<>(fields.size() + 1);
    for (Map.Entry<String, String> field : fields) {
      if (!field.getKey().equalsIgnoreCase(name)) {
        copy.add(field);
      }
    }
    copy.add(Map.entry(name, value));
    return new Headers(Collections.unmodifiableList(copy));
  }

  /** Returns a copy with one more field {@code name: value}, keeping existing ones. */
  public Headers add(String name, String value) {
    checkName(name);
    checkValue(name, value);
    List<Map.Entry<String, String>> copy = new ArrayList<>(fields);
    copy.add(Map.entry(name, value));
    return new Headers(Collections.unmodifiableList(copy));
  }

  /** Returns a copy without any field named {@code name}. */
  public Headers without(String name) {
    return new Headers(
        fields.stream()
            .filter(field -> !field.getKey().equalsIgnoreCase(name))
            .collect(Collectors.toUnmodifiableList()));
  }

  /** Returns the first value of {@code name}. */
  public Optional<String> first(String name) {
    for (Map.Entry<String, String> field : fields) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return Optional.of(field.getValue());
      }
    }
    return Optional.empty();
  }

  /** Returns every value of {@code name}, in order. */
  public List<String> all(String name) {
    return fields.stream()
        .filter(field -> field.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns whether a field named {@code name} is present. */
  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** Returns the distinct names, lower-cased, in order of first appearance. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Map.Entry<String, String> field : fields) {
      names.add(field.getKey().toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(names);
  }

  /** Returns every field as a name/value entry, in order. */
  public List<Map.Entry<String, String>> entries() {
    return fields;
  }

  /** Returns whether {@code value} may be a header value: no CR, LF, NUL or other controls. */
  public static boolean isValidValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether {@code name} is an RFC 9110 token. */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return false;
      }
    }
    return true;
  }

  private static void checkName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException("not a valid header name: '" + name + "'");
    }
  }

  private static void checkValue(String name, String value) {
    if (value == null || !isValidValue(value)) {
      // The value itself is never quoted: it may be a credential.
      throw new IllegalArgumentException(
          "header '" + name + "': value contains a line break or another control character");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Headers headers && fields.equals(headers.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "Headers" + names();
  }
}
