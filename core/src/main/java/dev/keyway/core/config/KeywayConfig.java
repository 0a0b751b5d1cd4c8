package dev.keyway.core.config;

import dev.keyway.api.Environment;
import java.util.Map;
import java.util.Objects;

/**
 * A whole Keyway configuration, resolved for one environment: every {@code {dev:, live:}} value
 * picked and every {@code ${...}} reference replaced.
 *
 * <p>{@code sections} holds the top-level settings that core reads but does not model, for the
 * parts of Keyway that do (the gateway server reads {@code callers} and {@code server}). They are
 * resolved like everything else; see {@link #section(String)}.
 */
public record KeywayConfig(
    Environment environment,
    boolean strictEnvironments,
    Map<String, CollectionConfig> collections,
    Map<String, Object> sections) {

  /** The top-level keys whose resolved values are kept in {@link #sections()}. */
  public static final java.util.List<String> SECTION_KEYS =
      java.util.List.of("publicUrl", "callers", "server", "store");

  public KeywayConfig {
    Objects.requireNonNull(environment, "environment");
    collections = Map.copyOf(collections);
    sections = Map.copyOf(sections);
  }

  /** Returns a configuration without any of the sections core does not model. */
  public KeywayConfig(
      Environment environment,
      boolean strictEnvironments,
      Map<String, CollectionConfig> collections) {
    this(environment, strictEnvironments, collections, Map.of());
  }

  /**
   * Returns the resolved value of top-level setting {@code key} (one of {@link #SECTION_KEYS}): a
   * {@code String}, a {@code List<String>} or a {@code Map<String, Object>} of the same, or {@code
   * null} when it is absent (or absent in this environment). Values picked from secrets are plain
   * text here: wrap them in a {@link dev.keyway.api.Secret} as soon as they are read.
   */
  public Object section(String key) {
    return sections.get(key);
  }

  @Override
  public String toString() {
    // Sections hold credentials (a caller's session secret): name them, never show them.
    return "KeywayConfig["
        + environment.configName()
        + ", collections="
        + new java.util.TreeSet<>(collections.keySet())
        + ", sections="
        + new java.util.TreeSet<>(sections.keySet())
        + "]";
  }
}
