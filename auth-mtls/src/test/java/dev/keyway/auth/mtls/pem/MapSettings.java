package dev.keyway.auth.mtls.pem;

import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings over a map of already-resolved values, as core would hand them to a provider. */
public final class MapSettings implements Settings {

  public static final String PATH = "collections.x.auth";

  private final String path;
  private final Map<String, Object> values;

  private MapSettings(String path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  /** Returns settings at {@link #PATH} holding alternating names and values. */
  public static MapSettings of(String... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new MapSettings(PATH, values);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Set<String> names() {
    return values.keySet();
  }

  @Override
  public Optional<String> text(String name) {
    return values.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  @Override
  public Optional<Secret> secret(String name) {
    return text(name).map(Secret::of);
  }

  @Override
  public Optional<List<String>> list(String name) {
    return text(name).map(List::of);
  }

  @Override
  public Optional<Settings> section(String name) {
    return Optional.empty();
  }
}
