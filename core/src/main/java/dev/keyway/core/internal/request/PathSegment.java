package dev.keyway.core.internal.request;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a caller's value as exactly one path segment, or refuses it.
 *
 * <p>Every byte outside the RFC 3986 unreserved set is percent-encoded, so a value cannot add a
 * segment, a query or a fragment. Values that would still mean something to a server that decodes
 * before routing are refused outright: {@code /} and {@code \}, {@code .} and {@code ..}, and the
 * same once percent-decoded (up to {@value #DECODE_ROUNDS} times: {@code %2e%2e}, {@code
 * %252e%252e}, {@code a%2Fb}).
 */
final class PathSegment {

  private static final int DECODE_ROUNDS = 3;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegment() {}

  /** Returns why {@code value} cannot be a path segment, or {@code null} if it can. */
  static String refusal(String value) {
    if (value.isEmpty()) {
      return "a path value cannot be empty";
    }
    String text = value;
    for (int round = 0; round <= DECODE_ROUNDS; round++) {
      if (text.equals(".") || text.equals("..")) {
        return "a path value cannot be '.' or '..', also when percent-encoded";
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '/' || c == '\\') {
          return "a path value cannot contain '/' or '\\', also when percent-encoded";
        }
        if (c < 0x20 || c == 0x7f) {
          return "a path value cannot contain control characters";
        }
      }
      String decoded = decodeLeniently(text);
      if (decoded.equals(text)) {
        return null;
      }
      text = decoded;
    }
    return "a path value cannot be percent-encoded more than " + DECODE_ROUNDS + " times";
  }

  /** Percent-encodes every UTF-8 byte of {@code value} outside the unreserved set. */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} escapes, leaving malformed ones as they are; bytes are read as UTF-8. */
  private static String decodeLeniently(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[raw.length];
    int length = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        out[length++] = (byte) (hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
        i += 2;
      } else {
        out[length++] = raw[i];
      }
    }
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
