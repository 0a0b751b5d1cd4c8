package dev.keyway.auth.mtls.pem;

import java.util.Base64;

/**
 * One {@code -----BEGIN type-----} ... {@code -----END type-----} block, its base64 body already
 * decoded, and the RFC 1421 headers a legacy encrypted key carries ({@code Proc-Type}, {@code
 * DEK-Info}), if any. {@link #toString()} shows the type only: the bytes may be a private key.
 */
record PemBlock(String type, String procType, String dekInfo, byte[] der) {

  private static final Base64.Encoder LINES =
      Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  /** Returns whether the block carries legacy (OpenSSL "traditional") encryption headers. */
  boolean legacyEncrypted() {
    return procType != null && procType.toUpperCase(java.util.Locale.ROOT).contains("ENCRYPTED");
  }

  /** Returns the block in canonical PEM text: 64-column lines, LF line ends, headers first. */
  String canonicalText() {
    StringBuilder text = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    if (procType != null) {
      text.append("Proc-Type: ").append(procType).append('\n');
    }
    if (dekInfo != null) {
      text.append("DEK-Info: ").append(dekInfo).append('\n');
    }
    if (procType != null || dekInfo != null) {
      text.append('\n');
    }
    return text.append(LINES.encodeToString(der))
        .append("\n-----END ")
        .append(type)
        .append("-----\n")
        .toString();
  }

  @Override
  public String toString() {
    return "PemBlock[" + type + "]";
  }
}
