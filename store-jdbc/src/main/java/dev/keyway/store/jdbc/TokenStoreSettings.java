package dev.keyway.store.jdbc;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.api.Secret;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.secrets.MasterKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code store} section of a configuration, which names the durable token store a server uses:
 *
 * <pre>{@code
 * store: { type: postgresql, url: "jdbc:postgresql://db:5432/keyway", username: keyway,
 *          password: "${secret:db}" }
 * store: { type: h2, path: data/keyway-tokens }   # relative to the configuration's folder
 * }</pre>
 *
 * Without the section, it is the H2 file {@value #DEFAULT_H2_FILE} ({@code .mv.db}) beside the
 * configuration.
 */
public record TokenStoreSettings(String type, String location, String username, Secret password) {

  /** The H2 file beside the configuration that holds tokens when no {@code store} is given. */
  public static final String DEFAULT_H2_FILE = "keyway-tokens";

  /**
   * Reads the {@code store} section of {@code config}, loaded from {@code configFile}.
   *
   * @throws dev.keyway.api.InvalidConfigException naming each problem with its path
   */
  public static TokenStoreSettings read(KeywayConfig config, Path configFile) {
    Path folder = configFile.toAbsolutePath().getParent();
    Object section = config.section("store");
    ConfigProblems problems = new ConfigProblems();
    if (section == null) {
      return new TokenStoreSettings("h2", folder.resolve(DEFAULT_H2_FILE).toString(), null, null);
    }
    if (!(section instanceof Map<?, ?> map)) {
      throw new InvalidConfigException(
          List.of(
              new ConfigProblem("store", "expected a map such as { type: postgresql, url: ... }")));
    }
    String type = text(map, "type", "h2").toLowerCase(Locale.ROOT);
    TokenStoreSettings settings = null;
    switch (type) {
      case "h2" ->
          settings =
              new TokenStoreSettings(
                  "h2", folder.resolve(text(map, "path", DEFAULT_H2_FILE)).toString(), null, null);
      case "postgresql" -> {
        String url = text(map, "url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
          problems.add("store.url", "expected a JDBC URL such as jdbc:postgresql://db:5432/keyway");
        }
        Object password = map.get("password");
        settings =
            new TokenStoreSettings(
                "postgresql",
                url,
                map.get("username") == null ? null : map.get("username").toString(),
                password == null ? null : Secret.of(password.toString()));
      }
      default -> problems.add("store.type", "expected h2 or postgresql");
    }
    for (Object key : map.keySet()) {
      if (!java.util.Set.of("type", "path", "url", "username", "password").contains(key)) {
        problems.add(
            "store." + key, "unknown setting; expected type, path, url, username, password");
      }
    }
    problems.throwIfAny();
    return settings;
  }

  private static String text(Map<?, ?> map, String key, String fallback) {
    Object value = map.get(key);
    return value == null ? fallback : value.toString().trim();
  }

  /** Opens the store these settings name, its tokens sealed under {@code master}. */
  public JdbcTokenStore open(MasterKey master) {
    return type.equals("h2")
        ? JdbcTokenStore.h2(Path.of(location), master)
        : JdbcTokenStore.postgresql(location, username, password, master);
  }

  @Override
  public String toString() {
    return "TokenStoreSettings[" + type + "]"; // the URL may hold a password
  }
}
