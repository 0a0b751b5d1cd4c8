package dev.keyway.auth.oauth2;

import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A view of an auth block with one setting given a value: as a default when the block leaves it
 * out, or in place of what the block says (e.g. the revocation URL as the {@code tokenEndpoint} of
 * a second endpoint). Problems about the replaced setting are reported at the original's path.
 */
final class DefaultedSettings implements Settings {

  private final Settings base;
  private final String name;
  private final String value;
  private final boolean replace;
  private final String reportedAs;

  private DefaultedSettings(
      Settings base, String name, String value, boolean replace, String reportedAs) {
    this.base = base;
    this.name = name;
    this.value = value;
    this.replace = replace;
    this.reportedAs = reportedAs;
  }

  /** Returns {@code base} with {@code name} set to {@code value} where it has none. */
  static Settings of(Settings base, String name, String value) {
    return new DefaultedSettings(base, name, value, false, name);
  }

  /**
   * Returns {@code base} with {@code name} set to {@code value}, read from setting {@code source}.
   */
  static Settings replacing(Settings base, String name, String value, String source) {
    return new DefaultedSettings(base, name, value, true, source);
  }

  private boolean overrides(String setting) {
    return setting.equals(name) && (replace || base.text(name).isEmpty());
  }

  @Override
  public String path() {
    return base.path();
  }

  @Override
  public String path(String setting) {
    return base.path(setting.equals(name) ? reportedAs : setting);
  }

  @Override
  public Set<String> names() {
    Set<String> names = new TreeSet<>(base.names());
    names.add(name);
    return names;
  }

  @Override
  public Optional<String> text(String setting) {
    return overrides(setting) ? Optional.of(value) : base.text(setting);
  }

  @Override
  public Optional<Secret> secret(String setting) {
    return overrides(setting) ? Optional.of(Secret.of(value)) : base.secret(setting);
  }

  @Override
  public Optional<List<String>> list(String setting) {
    return overrides(setting) ? Optional.of(List.of(value)) : base.list(setting);
  }

  @Override
  public Optional<Settings> section(String setting) {
    return base.section(setting);
  }

  @Override
  public String toString() {
    return "Settings[" + path() + "]";
  }
}
