package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where the {@code secrets} commands find the store: beside a configuration ({@code --config}) or
 * at a given path ({@code --store}). The master key is looked up as everywhere: {@code
 * KEYWAY_MASTER_KEY}, {@code KEYWAY_MASTER_KEY_FILE}, else {@code keyway.master.key} beside the
 * store.
 */
final class StoreLocation {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The configuration; the store is keyway.secrets.json beside it.")
  Path config;

  @Option(names = "--store", paramLabel = "FILE", description = "The store file itself.")
  Path store;

  /** Returns the store file, absolute. */
  Path file() {
    return config != null
        ? directory().resolve(EncryptedFileSecretStore.DEFAULT_FILE_NAME)
        : store.toAbsolutePath().normalize();
  }

  /** Returns the directory of the store (and of the default master key file). */
  Path directory() {
    Path given = (config != null ? config : store).toAbsolutePath().normalize();
    return given.getParent();
  }

  /** Returns {@code keyway.master.key} beside the store. */
  Path defaultKeyFile() {
    return directory().resolve(MasterKey.DEFAULT_FILE_NAME);
  }

  /**
   * Returns the file the master key is read from: {@code KEYWAY_MASTER_KEY_FILE} or the default
   * one; empty when {@code KEYWAY_MASTER_KEY} gives the key itself.
   */
  Optional<Path> keyFile(Function<String, String> environment) {
    if (isSet(environment.apply(MasterKey.ENVIRONMENT_VARIABLE))) {
      return Optional.empty();
    }
    String named = environment.apply(MasterKey.FILE_VARIABLE);
    return Optional.of(
        isSet(named) ? Path.of(named.strip()).toAbsolutePath().normalize() : defaultKeyFile());
  }

  /** Opens the store; the master key is looked up when first needed. */
  EncryptedFileSecretStore open(Function<String, String> environment) {
    return EncryptedFileSecretStore.open(
        file(), () -> MasterKey.locate(environment, defaultKeyFile()));
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  static Environment environment(String text, String option) {
    return Environment.parse(text)
        .orElseThrow(() -> new UsageProblem(option + ": expected dev or live, not " + text));
  }
}
