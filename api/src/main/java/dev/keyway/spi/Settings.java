package dev.keyway.spi;

import dev.keyway.api.Secret;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one {@code auth} block (or a nested section of it), already resolved by core for
 * the active environment: {@code {dev: ..., live: ...}} values are picked, and {@code
 * ${secret:...}}, {@code ${env:...}} and {@code ${file:...}} references are replaced.
 *
 * <p>Wrap it in a typed view with a {@code validate()} method, the way each provider does:
 *
 * <pre>{@code
 * record HeaderKeySettings(Settings raw) {
 *   String keyName() { return raw.text("keyName").orElse("Authorization"); }
 *   Secret key(ConfigProblems problems) { return problems.requireSecret(raw, "key"); }
 * }
 * }</pre>
 */
public interface Settings {

  /** Returns the config path of this block, e.g. {@code collections.stripe.auth}. */
  String path();

  /** Returns the config path of setting {@code name}, for error messages. */
  default String path(String name) {
    return path().isEmpty() ? name : path() + "." + name;
  }

  /** Returns the names of the settings present. */
  Set<String> names();

  /** Returns the scalar setting {@code name} as text. */
  Optional<String> text(String name);

  /** Returns the scalar setting {@code name} as a secret. */
  Optional<Secret> secret(String name);

  /** Returns the list setting {@code name}; a scalar is a list of one. */
  Optional<List<String>> list(String name);

  /** Returns the nested block {@code name}. */
  Optional<Settings> section(String name);
}
