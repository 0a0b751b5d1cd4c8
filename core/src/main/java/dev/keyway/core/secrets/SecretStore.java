package dev.keyway.core.secrets;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.config.SecretSource;
import java.util.List;
import java.util.Optional;

/**
 * Keeps secret values by name and environment, for {@code ${secret:name}} references. The default
 * is {@link EncryptedFileSecretStore}, one encrypted file beside the configuration; another backend
 * (a vault, a cloud secret manager) implements this interface and is handed to Keyway like any
 * {@link SecretSource}:
 *
 * <pre>{@code
 * final class VaultSecretStore implements SecretStore {
 *   public Optional<Secret> find(String name, Environment environment) { ... read "keyway/" + environment.configName() + "/" + name ... }
 *   public void put(String name, Environment environment, Secret value) { ... }
 *   public boolean delete(String name, Environment environment) { ... }
 *   public List<SecretMetadata> list() { ... }
 * }
 *
 * Keyway keyway = Keyway.builder().configFile(path).secrets(new VaultSecretStore(...)).build();
 * }</pre>
 *
 * <p>Test a backend by extending {@code SecretStoreCompatibilityKit} from {@code keyway-testkit}.
 *
 * <p>The contract: a value is found only in the environment it was put in (core, not the store,
 * decides whether {@code dev} may fall back to a live value); names follow {@link #isValidName};
 * {@link #list()} never reveals a value; a value that exists but cannot be read fails loudly with a
 * {@link SecretStoreException} (or another unchecked exception whose message names the secret and
 * the fix, never a value) instead of looking absent. Implementations are thread-safe.
 */
public interface SecretStore extends SecretSource {

  /**
   * Returns the value of {@code name} in {@code environment}, or empty when none was put there.
   *
   * @throws SecretStoreException if a value is there but cannot be read
   * @throws IllegalArgumentException if {@code name} is not a valid secret name
   */
  @Override
  Optional<Secret> find(String name, Environment environment);

  /**
   * Stores {@code value} as {@code name} in {@code environment}, replacing any previous value.
   *
   * @throws SecretStoreException if the value cannot be stored; the previous state is kept
   * @throws IllegalArgumentException if {@code name} is not a valid secret name
   */
  void put(String name, Environment environment, Secret value);

  /**
   * Removes {@code name} from {@code environment}; returns whether there was a value.
   *
   * @throws SecretStoreException if the store cannot be changed; the previous state is kept
   */
  boolean delete(String name, Environment environment);

  /**
   * Returns every stored value's name, environment and last change, ordered by name and then
   * environment (dev first); never a value.
   */
  List<SecretMetadata> list();

  /**
   * Returns whether {@code name} may name a secret: 1 to 128 letters, digits, {@code .}, {@code _}
   * and {@code -}, starting with a letter or digit ({@code stripe.live}, {@code bank_client-2}).
   */
  static boolean isValidName(String name) {
    return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  }

  /**
   * Returns {@code name} if it is valid; otherwise throws an {@link IllegalArgumentException} that
   * states the rule without quoting the name (a value pasted by mistake must not be echoed).
   */
  static String checkName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "not a valid secret name: use 1 to 128 letters, digits, '.', '_' and '-', starting with"
              + " a letter or digit");
    }
    return name;
  }
}
