package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An auth block with the fields of its {@code serviceAccountJson} filled in as settings: {@code
 * client_email} as {@code iss}, {@code private_key} as {@code privateKey}, {@code private_key_id}
 * as {@code kid}, {@code token_uri} as {@code tokenEndpoint}. Core's token endpoint and a {@code
 * private_key_jwt} client authentication read the filled block, so they see the same values.
 *
 * <p>A setting given both in the block and in the file is a config problem (a key file and a
 * separate setting disagreeing silently is how the wrong key gets used); a setting the file lacks
 * may be given in the block. {@link #toString()} shows the path only.
 */
final class ServiceAccountSettings implements Settings {

  static final String NAME = "serviceAccountJson";

  private final Settings raw;
  private final Map<String, Secret> filled;

  private ServiceAccountSettings(Settings raw, Map<String, Secret> filled) {
    this.raw = raw;
    this.filled = Map.copyOf(filled);
  }

  /**
   * Returns {@code raw} with its service-account fields filled in, or {@code raw} itself when it
   * has no {@code serviceAccountJson}.
   *
   * @throws dev.keyway.api.InvalidConfigException when the key file is unusable: the settings it
   *     stands in for would only add "required" problems that mislead
   */
  static Settings fill(Settings raw, ConfigProblems problems) {
    if (raw.section(NAME).isPresent()) {
      problems.add(
          raw.path(NAME),
          "expected the key file's JSON as one text, e.g. \"${file:/path/key.json}\" or"
              + " \"${secret:name}\", not a YAML map");
      problems.throwIfAny();
    }
    Optional<Secret> json = raw.secret(NAME).filter(value -> !value.reveal().isBlank());
    if (json.isEmpty()) {
      return raw;
    }
    Optional<ServiceAccountKey> read = ServiceAccountKey.read(json.get(), raw.path(NAME), problems);
    if (read.isEmpty()) {
      problems.throwIfAny();
    }
    ServiceAccountKey key = read.get();
    Map<String, Secret> filled = new LinkedHashMap<>();
    put(raw, filled, "iss", "client_email", key.clientEmail().map(Secret::of), problems);
    put(raw, filled, "privateKey", "private_key", key.privateKey(), problems);
    put(raw, filled, "kid", "private_key_id", key.privateKeyId().map(Secret::of), problems);
    put(raw, filled, "tokenEndpoint", "token_uri", key.tokenUri().map(Secret::of), problems);
    return new ServiceAccountSettings(raw, filled);
  }

  private static void put(
      Settings raw,
      Map<String, Secret> filled,
      String setting,
      String field,
      Optional<Secret> value,
      ConfigProblems problems) {
    if (value.isEmpty()) {
      return;
    }
    if (raw.names().contains(setting)) {
      problems.add(
          raw.path(setting),
          "given twice: " + NAME + " has " + field + "; remove this setting or use no key file");
      return;
    }
    filled.put(setting, value.get());
  }

  /** Returns whether {@code name} comes from the key file rather than the auth block. */
  static boolean fromKeyFile(Settings settings, String name) {
    return settings instanceof ServiceAccountSettings filledIn && filledIn.filled.containsKey(name);
  }

  @Override
  public String path() {
    return raw.path();
  }

  @Override
  public Set<String> names() {
    Set<String> names = new TreeSet<>(raw.names());
    names.addAll(filled.keySet());
    return names;
  }

  @Override
  public Optional<String> text(String name) {
    Secret value = filled.get(name);
    return value != null ? Optional.of(value.reveal()) : raw.text(name);
  }

  @Override
  public Optional<Secret> secret(String name) {
    Secret value = filled.get(name);
    return value != null ? Optional.of(value) : raw.secret(name);
  }

  @Override
  public Optional<List<String>> list(String name) {
    Secret value = filled.get(name);
    return value != null ? Optional.of(List.of(value.reveal())) : raw.list(name);
  }

  @Override
  public Optional<Settings> section(String name) {
    return raw.section(name);
  }

  @Override
  public String toString() {
    return "ServiceAccountSettings[" + path() + "]";
  }
}
