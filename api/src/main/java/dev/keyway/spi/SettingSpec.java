package dev.keyway.spi;

import java.util.Objects;

/**
 * Describes one setting of an auth method: its name in the {@code auth} block, whether it is
 * required, whether it is a secret (core then resolves it as a {@link dev.keyway.api.Secret}, masks
 * it in logs and {@code keyway doctor} flags it when written in plain text), and whether its value
 * may differ between the {@code dev} and {@code live} environments.
 */
public record SettingSpec(
    String name, boolean required, boolean secret, boolean perEnvironment, String description) {

  public SettingSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }

  /** Returns a required, non-secret setting that may differ per environment. */
  public static SettingSpec required(String name, String description) {
    return new SettingSpec(name, true, false, true, description);
  }

  /** Returns an optional, non-secret setting that may differ per environment. */
  public static SettingSpec optional(String name, String description) {
    return new SettingSpec(name, false, false, true, description);
  }

  /** Returns a copy marked as a secret. */
  public SettingSpec asSecret() {
    return new SettingSpec(name, required, true, perEnvironment, description);
  }

  /** Returns a copy whose value must be the same in every environment. */
  public SettingSpec sameInEveryEnvironment() {
    return new SettingSpec(name, required, secret, false, description);
  }
}
