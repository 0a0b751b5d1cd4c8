package dev.keyway.auth.mtls.pem;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into its blocks, accepting the forms users paste: surrounding text or whitespace,
 * Windows line ends, the whole block on one line with spaces where the line breaks were (as a form
 * field flattens it), and literal {@code \n} escapes copied from a JSON string. Text between blocks
 * is ignored, as OpenSSL does ({@code Bag Attributes} and the like).
 */
final class PemText {

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9][A-Z0-9 #]*?)-----");
  private static final Pattern HEADER = Pattern.compile("(Proc-Type|DEK-Info):\\s*(\\S+)");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private PemText() {}

  /**
   * Returns the blocks of {@code text} in order; an empty list when it has no BEGIN line at all.
   *
   * @throws PemFormatException if a block has no END line or its body is not base64
   */
  static List<PemBlock> blocks(String text) throws PemFormatException {
    String normalized = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r", "");
    List<PemBlock> blocks = new ArrayList<>();
    Matcher begin = BEGIN.matcher(normalized);
    int from = 0;
    while (begin.find(from)) {
      String type = begin.group(1).trim();
      String end = "-----END " + type + "-----";
      int endAt = normalized.indexOf(end, begin.end());
      if (endAt < 0) {
        throw new PemFormatException(
            "the BEGIN "
                + type
                + " block has no END "
                + type
                + " line; it looks cut off, so copy all of it");
      }
      blocks.add(block(type, normalized.substring(begin.end(), endAt)));
      from = endAt + end.length();
    }
    return blocks;
  }

  private static PemBlock block(String type, String body) throws PemFormatException {
    String procType = null;
    String dekInfo = null;
    Matcher header = HEADER.matcher(body);
    StringBuilder base64 = new StringBuilder(body.length());
    int last = 0;
    while (header.find()) {
      if (header.group(1).equals("Proc-Type")) {
        procType = header.group(2);
      } else {
        dekInfo = header.group(2);
      }
      base64.append(body, last, header.start());
      last = header.end();
    }
    base64.append(body, last, body.length());
    String compact = WHITESPACE.matcher(base64).replaceAll("");
    if (compact.isEmpty()) {
      throw new PemFormatException("the BEGIN " + type + " block is empty");
    }
    try {
      return new PemBlock(type, procType, dekInfo, Base64.getDecoder().decode(compact));
    } catch (IllegalArgumentException notBase64) {
      throw new PemFormatException(
          "the BEGIN "
              + type
              + " block is not valid base64; it looks damaged or cut off, so copy it again");
    }
  }
}
