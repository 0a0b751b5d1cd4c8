package dev.keyway.core.internal.request;

import java.math.BigDecimal;

/**
 * Writes a caller's number as text that is also a valid JSON number, so it can stand bare in a JSON
 * body without being able to add anything else to it.
 */
final class JsonNumber {

  private JsonNumber() {}

  /** Returns {@code number} as JSON number text, or {@code null} if it has no such form. */
  static String textOf(Number number) {
    if (number instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    if (number instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    // BigDecimal.toString may use an exponent (1E+3), which JSON allows; toPlainString of a huge
    // exponent would be a huge string.
    String text = number instanceof BigDecimal decimal ? decimal.toString() : number.toString();
    return isValid(text) ? text : null;
  }

  /** Returns whether {@code text} matches the JSON number grammar of RFC 8259 §6. */
  static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    int i = 0;
    int length = text.length();
    if (i < length && text.charAt(i) == '-') {
      i++;
    }
    if (i < length && text.charAt(i) == '0') {
      i++;
    } else {
      int start = i;
      i = digits(text, i);
      if (i == start || text.charAt(start) == '0') {
        return false;
      }
    }
    if (i < length && text.charAt(i) == '.') {
      int start = ++i;
      i = digits(text, i);
      if (i == start) {
        return false;
      }
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = digits(text, i);
      if (i == start) {
        return false;
      }
    }
    return length > 0 && i == length;
  }

  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
