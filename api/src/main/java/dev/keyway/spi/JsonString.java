package dev.keyway.spi;

/**
 * Quotes text as a JSON string (RFC 8259 §7), so a value can never break out of its string: quotes,
 * backslashes and every control character are escaped, and so are {@code <}, {@code >}, {@code &}
 * and the line separators U+2028/U+2029 for safe embedding.
 */
public final class JsonString {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonString() {}

  /** Returns {@code value} as a quoted, escaped JSON string. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
