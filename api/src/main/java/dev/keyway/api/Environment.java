package dev.keyway.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The environment a Keyway instance runs in. Each environment has its own credentials: {@code live}
 * never uses a development value, and {@code dev} uses a live value only as a loud fallback.
 */
public enum Environment {
  DEV,
  LIVE;

  /** Returns the name used in configuration files: {@code dev} or {@code live}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code dev} or {@code live}, ignoring case. */
  public static Optional<Environment> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "dev" -> Optional.of(DEV);
      case "live" -> Optional.of(LIVE);
      default -> Optional.empty();
    };
  }
}
