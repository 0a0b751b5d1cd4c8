package dev.keyway.api;

import dev.keyway.spi.Settings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects every problem of a configuration before failing, so a user sees them all at once.
 *
 * <p>The {@code require...} and parsing helpers record a problem and return {@code null} or an
 * empty value instead of throwing; call {@link #throwIfAny()} when all checks are done:
 *
 * <pre>{@code
 * ConfigProblems problems = new ConfigProblems();
 * Secret key = problems.requireSecret(settings, "key");
 * String name = settings.text("keyName").orElse("Authorization");
 * problems.throwIfAny();
 * }</pre>
 *
 * <p>Not thread-safe; use one per validation.
 */
public final class ConfigProblems {

  private final List<ConfigProblem> problems = new ArrayList<>();

  /** Records a problem at {@code path}. */
  public ConfigProblems add(String path, String message) {
    problems.add(new ConfigProblem(path, message));
    return this;
  }

  /** Records every problem of {@code other}. */
  public ConfigProblems addAll(List<ConfigProblem> other) {
    problems.addAll(other);
    return this;
  }

  /** Returns the secret setting {@code name}, or records "required" and returns {@code null}. */
  public Secret requireSecret(Settings settings, String name) {
    Optional<Secret> value = settings.secret(name);
    if (value.isEmpty()) {
      add(settings.path(name), "required");
      return null;
    }
    return value.get();
  }

  /**
   * Returns the text setting {@code name}, or records "required" (also for blank text) and returns
   * {@code null}.
   */
  public String requireText(Settings settings, String name) {
    Optional<String> value = settings.text(name).filter(text -> !text.isBlank());
    if (value.isEmpty()) {
      add(settings.path(name), "required");
      return null;
    }
    return value.get();
  }

  /** Parses the optional setting {@code name} as {@code true} or {@code false}. */
  public Optional<Boolean> flag(Settings settings, String name) {
    Optional<String> text = settings.text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> {
        add(settings.path(name), "expected true or false");
        yield Optional.empty();
      }
    };
  }

  /**
   * Parses the optional setting {@code name} as a duration: {@code 500ms}, {@code 30s}, {@code
   * 15m}, {@code 1h}, or ISO-8601 ({@code PT30S}). A plain number means seconds.
   */
  public Optional<Duration> duration(Settings settings, String name) {
    Optional<String> text = settings.text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> parsed = parseDuration(text.get());
    if (parsed.isEmpty()) {
      add(settings.path(name), "expected a duration such as 500ms, 30s, 15m or 1h");
    }
    return parsed;
  }

  /** Returns whether any problem was recorded. */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Returns the problems recorded so far. */
  public List<ConfigProblem> list() {
    return List.copyOf(problems);
  }

  /** Throws an {@link InvalidConfigException} listing every problem, if there is any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
  }

  /** Parses a duration the way {@link #duration(Settings, String)} does. */
  public static Optional<Duration> parseDuration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return nonNegative(Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      if (value.endsWith("ms")) {
        return nonNegative(
            Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
      }
      char unit = value.charAt(value.length() - 1);
      if (Character.isDigit(unit)) {
        return nonNegative(Duration.ofSeconds(Long.parseLong(value)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      Duration duration =
          switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> null;
          };
      return duration == null ? Optional.empty() : nonNegative(duration);
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> nonNegative(Duration duration) {
    return duration.isNegative() ? Optional.empty() : Optional.of(duration);
  }
}
