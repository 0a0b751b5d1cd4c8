package dev.keyway.core.internal.request;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The kinds of value a caller may pass for a parameter: text, a number or a boolean. */
final class ParamValue {

  private ParamValue() {}

  /** Returns why {@code value} cannot be a parameter value, or {@code null} if it can. */
  static String refusal(Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return null;
    }
    if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
      return "must be a finite number";
    }
    if (value instanceof Float number && (number.isNaN() || number.isInfinite())) {
      return "must be a finite number";
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return null;
    }
    return "must be text, a number or a boolean";
  }

  /** Returns {@code value} as text: numbers without exponent noise where possible. */
  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }
}
