package dev.keyway.server.internal.http;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives each request a correlation id: the caller's {@code X-Correlation-Id} when it is 8 to 64
 * letters, digits, {@code .}, {@code _} or {@code -} (so it is safe in a log line), else 16 random
 * hex digits.
 */
final class CorrelationIds {

  static final String HEADER = "X-Correlation-Id";

  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private CorrelationIds() {}

  static String of(String sent) {
    if (sent != null && ACCEPTED.matcher(sent).matches()) {
      return sent;
    }
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
