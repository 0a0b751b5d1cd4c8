package dev.keyway.core.internal.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks and encodes a value that goes into a URL path as exactly one segment.
 *
 * <p>A value may never add, remove or climb out of a segment at the upstream, even one that decodes
 * a path more than once or treats {@code \} as a separator. So a value is refused when it is empty,
 * is {@code .} or {@code ..}, or contains {@code /}, {@code \} or a control character — as it is
 * and after each of up to {@value #MAX_DECODES} rounds of lenient percent-decoding. An accepted
 * value is percent-encoded in UTF-8, leaving only RFC 3986 unreserved characters as they are.
 *
 * <p>Refusal messages describe the rule and never quote the value.
 */
final class PathSegments {

  static final String EMPTY = "a path value cannot be empty";
  static final String SEPARATOR =
      "a path value cannot contain '/' or '\\', also when percent-encoded";
  static final String DOT_SEGMENT = "a path value cannot be '.' or '..', also when percent-encoded";
  static final String CONTROL =
      "a path value cannot contain control characters, also when percent-encoded";
  static final String NOT_UTF8 =
      "a path value cannot hold percent-escapes that decode to invalid UTF-8";
  static final String NOT_TEXT = "a path value must be valid Unicode text";
  static final String TOO_DEEP = "a path value cannot be percent-encoded this many times";

  /** How many rounds of decoding are checked: more than any upstream is expected to apply. */
  static final int MAX_DECODES = 4;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /** Returns why {@code value} cannot be a path segment, or {@code null} when it can. */
  static String refusal(String value) {
    if (value.isEmpty()) {
      return EMPTY;
    }
    if (isUnreserved(value)) {
      // The common case: nothing to decode, so only the dot segments remain to check.
      return isDotSegment(value) ? DOT_SEGMENT : null;
    }
    String current = value;
    for (int round = 1; ; round++) {
      String problem = checkText(current);
      if (problem != null) {
        return problem;
      }
      if (current.indexOf('%') < 0) {
        return null;
      }
      String decoded = decode(current);
      if (decoded == null) {
        return NOT_UTF8;
      }
      if (decoded.equals(current)) {
        return null;
      }
      if (round > MAX_DECODES) {
        return TOO_DEEP;
      }
      current = decoded;
    }
  }

  /** Returns {@code value} percent-encoded as one segment; call only for an accepted value. */
  static String encode(String value) {
    if (isUnreserved(value)) {
      return value;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int octet = b & 0xff;
      if (octet < 0x80 && isUnreserved((char) octet)) {
        out.append((char) octet);
      } else {
        out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
      }
    }
    return out.toString();
  }

  /** Returns whether {@code c} is an RFC 3986 unreserved character. */
  static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static boolean isUnreserved(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String checkText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '\\') {
        return SEPARATOR;
      }
      if (Character.isISOControl(c)) {
        return CONTROL;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return NOT_TEXT;
      }
    }
    return isDotSegment(text) ? DOT_SEGMENT : null;
  }

  /**
   * Returns whether {@code text} is {@code .} or {@code ..}, also with a {@code ;parameter} after
   * it, which some servers strip before they resolve dot segments.
   */
  private static boolean isDotSegment(String text) {
    int end = text.indexOf(';');
    String head = end < 0 ? text : text.substring(0, end);
    return head.equals(".") || head.equals("..");
  }

  /**
   * Decodes every well-formed {@code %XX} escape and keeps anything else as it is; returns {@code
   * null} when the decoded bytes are not valid UTF-8 (which also refuses overlong forms of {@code
   * /}).
   */
  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int plainStart = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%'
          && i + 2 < text.length()
          && hex(text.charAt(i + 1)) >= 0
          && hex(text.charAt(i + 2)) >= 0) {
        bytes.writeBytes(text.substring(plainStart, i).getBytes(StandardCharsets.UTF_8));
        bytes.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
        i += 3;
        plainStart = i;
      } else {
        i++;
      }
    }
    bytes.writeBytes(text.substring(plainStart).getBytes(StandardCharsets.UTF_8));
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
