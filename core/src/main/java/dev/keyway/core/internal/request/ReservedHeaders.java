package dev.keyway.core.internal.request;

import java.util.Locale;
import java.util.Set;

/**
 * Header fields that the HTTP client writes itself from the URL and the body. Configuration may not
 * set them, and above all no caller value may: a {@code Host} would pick another virtual host, and
 * a second {@code Content-Length} or {@code Transfer-Encoding} could smuggle a request.
 */
final class ReservedHeaders {

  static final String MESSAGE =
      "Keyway sets this header itself from the URL and the body; it cannot be configured";

  private static final Set<String> NAMES =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "upgrade");

  private ReservedHeaders() {}

  /** Returns whether {@code name} is one of these fields, ignoring case. */
  static boolean contains(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }
}
