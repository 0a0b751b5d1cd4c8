package dev.keyway.server.internal.settings;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a size in bytes: a whole number, optionally followed by {@code B}, {@code KiB}, {@code
 * MiB} or {@code GiB} (also written {@code KB}, {@code MB}, {@code GB}, {@code k}, {@code m},
 * {@code g}, all meaning powers of 1024). Case and a space before the unit do not matter.
 */
final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([a-z]*)");

  private ByteSize() {}

  /** Returns the number of bytes {@code text} means, if it is a size greater than zero. */
  static Optional<Long> parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    long unit =
        switch (matcher.group(2)) {
          case "", "b" -> 1L;
          case "k", "kb", "kib" -> 1L << 10;
          case "m", "mb", "mib" -> 1L << 20;
          case "g", "gb", "gib" -> 1L << 30;
          default -> 0L;
        };
    if (unit == 0 || amount == 0 || amount > Long.MAX_VALUE / unit) {
      return Optional.empty();
    }
    return Optional.of(amount * unit);
  }
}
