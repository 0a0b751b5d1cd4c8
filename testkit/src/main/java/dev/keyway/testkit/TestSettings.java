package dev.keyway.testkit;

import dev.keyway.core.config.SettingsTree;
import dev.keyway.spi.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@link Settings} core hands a provider, for unit tests of an auth method. */
public final class TestSettings {

  /** The path of the auth block: problems are reported below it, e.g. {@code ...auth.key}. */
  public static final String PATH = "collections.x.auth";

  private TestSettings() {}

  /**
   * Returns settings at {@link #PATH} holding alternating names and values, e.g. {@code
   * of("keyName", "X-Api-Key", "key", "k")}. Values are text, lists of text or nested maps.
   */
  public static Settings of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("give names and values in pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return SettingsTree.of(PATH, values);
  }
}
