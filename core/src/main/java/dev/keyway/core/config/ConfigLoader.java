package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.log.KeywayLoggers;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Loads a Keyway configuration (YAML or JSON, see SPEC §2) and resolves it for one environment:
 * picks each {@code {dev: ..., live: ...}} value and replaces every {@code ${secret:name}}, {@code
 * ${env:NAME}} and {@code ${file:path}} reference.
 *
 * <pre>{@code
 * KeywayConfig config = ConfigLoader.create()
 *     .withSecrets(secretStore)
 *     .withEnvironment(Environment.LIVE)
 *     .load(Path.of("keyway.yaml"));
 * }</pre>
 *
 * <p>A bad configuration fails with one {@link InvalidConfigException} that lists every problem
 * found, each with its path ({@code collections.stripe.baseUrl: required in environment live}). No
 * message ever contains a secret or the value of any reference, and a syntax error names its line
 * and column without quoting the text.
 *
 * <p>The environment is, by precedence: {@link #withEnvironment}, then the {@code KEYWAY_ENV}
 * environment variable, then {@code environment:} in the file, then {@code dev}. When {@code dev}
 * falls back to a live value, a warning naming the path is logged.
 *
 * <p>Immutable and thread-safe: every {@code with...} method returns a new loader.
 */
public final class ConfigLoader {

  private static final Logger LOG = KeywayLoggers.getLogger(ConfigLoader.class);

  private final LoadOptions options;

  private ConfigLoader(LoadOptions options) {
    this.options = options;
  }

  /**
   * Returns a loader with no secrets, the process's environment variables, and the current
   * directory as the base of relative {@code ${file:...}} paths.
   */
  public static ConfigLoader create() {
    return new ConfigLoader(
        new LoadOptions(
            SecretSource.NONE,
            Optional.empty(),
            System::getenv,
            Path.of("").toAbsolutePath(),
            warning -> {}));
  }

  /** Returns a loader that looks {@code ${secret:name}} references up in {@code secrets}. */
  public ConfigLoader withSecrets(SecretSource secrets) {
    Objects.requireNonNull(secrets, "secrets");
    return new ConfigLoader(options.withSecrets(secrets));
  }

  /** Returns a loader that resolves for {@code override}, whatever the file and KEYWAY_ENV say. */
  public ConfigLoader withEnvironment(Environment override) {
    Objects.requireNonNull(override, "override");
    return new ConfigLoader(options.withEnvironment(override));
  }

  /**
   * Returns a loader that reads environment variables ({@code ${env:NAME}} and {@code KEYWAY_ENV})
   * with {@code lookup}, which returns {@code null} for a variable that is not set.
   */
  public ConfigLoader withEnvironmentVariables(Function<String, String> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    return new ConfigLoader(options.withEnvironmentVariables(lookup));
  }

  /**
   * Returns a loader that resolves relative {@code ${file:...}} paths against {@code dir} when it
   * parses text or a tree. {@link #load(Path)} uses the file's own directory instead.
   */
  public ConfigLoader withBaseDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return new ConfigLoader(options.withBaseDirectory(dir.toAbsolutePath()));
  }

  /**
   * Returns a loader that knows the settings of {@code providers}, so that a required auth setting
   * written for the other environment only is reported at load time, as {@code required in
   * environment live}, together with every other problem. Without it, the provider reports it when
   * Keyway builds the collection.
   */
  public ConfigLoader withAuthProviders(Collection<? extends AuthProvider> providers) {
    Objects.requireNonNull(providers, "providers");
    Map<String, Set<String>> required = new HashMap<>();
    for (AuthProvider provider : providers) {
      Set<String> names = required.computeIfAbsent(provider.type(), type -> new HashSet<>());
      for (SettingSpec spec : provider.settings()) {
        if (spec.required()) {
          names.add(spec.name());
        }
      }
    }
    return new ConfigLoader(options.withRequiredAuthSettings(required));
  }

  /**
   * Returns a loader that also hands every warning to {@code listener}, after logging it. For tests
   * and for tools such as {@code keyway doctor} that report warnings themselves.
   */
  ConfigLoader withWarningListener(Consumer<ConfigProblem> listener) {
    Objects.requireNonNull(listener, "listener");
    return new ConfigLoader(options.withWarnings(listener));
  }

  /**
   * Loads the YAML or JSON file {@code file}; relative {@code ${file:...}} paths are resolved
   * against the file's directory.
   *
   * @throws InvalidConfigException listing every problem, or naming the file if it cannot be read
   */
  public KeywayConfig load(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException | SecurityException e) {
      throw new InvalidConfigException(
          "", "cannot read the configuration file " + file + ": " + reason(e));
    }
    Path directory = file.toAbsolutePath().getParent();
    String name = String.valueOf(file.getFileName());
    return withBaseDirectory(directory).read(ConfigText.parse(text, name));
  }

  /**
   * Parses a YAML or JSON configuration.
   *
   * @throws InvalidConfigException listing every problem
   */
  public KeywayConfig parse(String yamlOrJson) {
    Objects.requireNonNull(yamlOrJson, "yamlOrJson");
    return read(ConfigText.parse(yamlOrJson, ""));
  }

  /**
   * Reads a configuration given as nested maps and lists of strings, numbers and booleans, as a
   * YAML library would give it.
   *
   * @throws InvalidConfigException listing every problem
   */
  public KeywayConfig fromTree(Map<String, ?> tree) {
    Objects.requireNonNull(tree, "tree");
    return read(JavaTree.convert(tree));
  }

  private KeywayConfig read(JsonNode root) {
    Consumer<ConfigProblem> listener = options.warnings();
    Consumer<ConfigProblem> logged =
        warning -> {
          // A warning names a path, never a value.
          LOG.warn("{}", warning);
          listener.accept(warning);
        };
    return new KeywayConfigReader(options.withWarnings(logged)).read(root);
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "file not found";
    }
    if (e instanceof AccessDeniedException || e instanceof SecurityException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "ConfigLoader[environment="
        + options.environment().map(Environment::configName).orElse("from the configuration")
        + ", baseDirectory="
        + options.baseDirectory()
        + "]";
  }
}
