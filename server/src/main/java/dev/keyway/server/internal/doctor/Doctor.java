package dev.keyway.server.internal.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.Environment;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.AuthProviders;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.SecretSource;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a configuration without running any call: loads it for each environment (problems of the
 * chosen one are errors, of the other warnings), lists which value each secret setting uses per
 * environment (references only), and flags plain-text secrets, dev values that fall back to live
 * ones, test keys in live and live keys in dev (by the {@code sk_}/{@code pk_}/{@code rk_}
 * prefixes), and static JWTs and client certificates that expire soon ({@link
 * ResolvedValueChecks}).
 *
 * <p>Never puts a value in a finding: only paths, reference names and dates.
 */
public final class Doctor {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(secret|env|file):([^}]*)}");
  private static final Set<String> SECRET_NAMES =
      Set.of("key", "password", "secret", "clientsecret", "token", "privatekey", "keypassword");

  private final Path configFile;
  private final Function<String, String> variables;
  private final SecretSource secrets;
  private final SecretOrigins origins;
  private final Clock clock;
  private final Map<String, AuthProvider> providers;

  public Doctor(
      Path configFile,
      Function<String, String> variables,
      SecretSource secrets,
      SecretOrigins origins,
      Clock clock) {
    this.configFile = configFile;
    this.variables = variables;
    this.secrets = secrets;
    this.origins = origins;
    this.clock = clock;
    this.providers = AuthProviders.discover(Doctor.class.getClassLoader());
  }

  /**
   * Examines the configuration for {@code chosen} (empty: the file's own environment), without the
   * live checks.
   */
  public DoctorReport examine(Optional<Environment> chosen) {
    return examine(chosen, false);
  }

  /**
   * Examines the configuration for {@code chosen}; with {@code live}, also prepares each
   * collection's credentials and runs the calls marked {@code check: true} (see {@link
   * LiveChecks}).
   */
  public DoctorReport examine(Optional<Environment> chosen, boolean live) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Object> raw = rawTree();
    Map<Environment, KeywayConfig> loaded = new EnumMap<>(Environment.class);
    // The chosen environment, else the file's own, decides which problems are errors.
    Optional<KeywayConfig> first = load(chosen.orElse(null), true, findings);
    Environment selected =
        first
            .map(KeywayConfig::environment)
            .or(() -> chosen)
            .or(() -> fileEnvironment(raw))
            .orElse(Environment.DEV);
    first.ifPresent(config -> loaded.put(selected, config));
    for (Environment env : Environment.values()) {
      if (env != selected) {
        load(env, false, findings).ifPresent(config -> loaded.put(env, config));
      }
    }
    Map<String, List<ValueUse>> uses = new LinkedHashMap<>();
    examineRaw(raw, uses, findings);
    loaded.forEach(
        (env, config) -> new ResolvedValueChecks(env, clock.instant()).examine(config, findings));
    if (live) {
      first.ifPresent(config -> new LiveChecks(Duration.ofSeconds(30)).run(config, findings));
    }
    return new DoctorReport(selected.configName(), uses, findings);
  }

  private Optional<KeywayConfig> load(Environment env, boolean chosen, List<Finding> findings) {
    ConfigLoader loader =
        ConfigLoader.create().withEnvironmentVariables(variables).withSecrets(secrets);
    if (env != null) {
      loader = loader.withEnvironment(env);
    }
    try {
      return Optional.of(loader.load(configFile));
    } catch (InvalidConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        String where =
            env == null || problem.message().contains("environment " + env.configName())
                ? ""
                : " (" + env.configName() + ")";
        boolean known =
            findings.stream()
                .anyMatch(
                    f ->
                        f.path().equals(problem.path())
                            && f.message().startsWith(problem.message()));
        if (known) {
          continue;
        }
        findings.add(
            chosen
                ? Finding.error(problem.path(), problem.message() + where)
                : Finding.warning(problem.path(), problem.message() + where));
      }
      return Optional.empty();
    }
  }

  private Optional<Environment> fileEnvironment(Map<String, Object> raw) {
    String fromVariable = variables.apply("KEYWAY_ENV");
    return Environment.parse(fromVariable == null ? "" : fromVariable.strip())
        .or(() -> Environment.parse(String.valueOf(raw.get("environment"))));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rawTree() {
    try {
      Object tree =
          new ObjectMapper(new YAMLFactory()).readValue(configFile.toFile(), Object.class);
      return tree instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    } catch (IOException e) {
      // The loader has reported why the file cannot be read.
      return Map.of();
    }
  }

  private void examineRaw(
      Map<String, Object> raw, Map<String, List<ValueUse>> uses, List<Finding> findings) {
    for (Map.Entry<String, Object> collection : entries(raw.get("collections"))) {
      String base = "collections." + collection.getKey();
      Map<String, Object> body = map(collection.getValue());
      Map<String, Object> auth = map(body.get("auth"));
      String type = String.valueOf(auth.getOrDefault("type", "none"));
      List<ValueUse> list = new ArrayList<>();
      for (Map.Entry<String, Object> setting : auth.entrySet()) {
        if (!setting.getKey().equals("type")) {
          examineSetting(
              base + ".auth", type, setting.getKey(), setting.getValue(), list, findings);
        }
      }
      Map<String, Object> certificate = map(map(body.get("tls")).get("clientCertificate"));
      for (Map.Entry<String, Object> setting : certificate.entrySet()) {
        examineSetting(
            base + ".tls.clientCertificate",
            "mtls",
            setting.getKey(),
            setting.getValue(),
            list,
            findings);
      }
      uses.put(base + " (" + type + ")", list);
    }
    for (Map.Entry<String, Object> caller : entries(raw.get("callers"))) {
      Map<String, Object> session = map(map(caller.getValue()).get("session"));
      if (session.containsKey("secret")) {
        List<ValueUse> list = new ArrayList<>();
        examineSetting(
            "callers." + caller.getKey() + ".session",
            "session",
            "secret",
            session.get("secret"),
            list,
            findings);
        uses.put("callers." + caller.getKey(), list);
      }
    }
  }

  private void examineSetting(
      String base,
      String type,
      String name,
      Object value,
      List<ValueUse> uses,
      List<Finding> findings) {
    String path = base + "." + name;
    String shownSetting = path.substring(path.indexOf('.', path.indexOf('.') + 1) + 1);
    boolean secret = isSecret(type, name);
    boolean scoped = value instanceof Map<?, ?> map && isScoped(map);
    if (value instanceof Map<?, ?> && !scoped) {
      return; // a nested block (e.g. body fields): not a single value
    }
    Set<String> plainText = new LinkedHashSet<>();
    for (Environment env : Environment.values()) {
      boolean fellBack = scoped && env == Environment.DEV && ((Map<?, ?>) value).get("dev") == null;
      String text = textFor(value, env);
      if (text == null) {
        if (secret) {
          uses.add(new ValueUse(shownSetting, env.configName(), "(none)"));
        }
        continue;
      }
      if (fellBack) {
        findings.add(Finding.warning(path, "no dev value, so dev uses the LIVE value"));
      }
      Matcher references = REFERENCE.matcher(text);
      List<String> shown = new ArrayList<>();
      while (references.find()) {
        shown.add(describe(references.group(1), references.group(2).strip(), env, path, findings));
      }
      if (shown.isEmpty()) {
        if (!secret) {
          continue;
        }
        shown.add("plain text");
        plainText.add(scoped ? path + "." + (fellBack ? "live" : env.configName()) : path);
      }
      uses.add(
          new ValueUse(
              shownSetting,
              env.configName(),
              String.join(" ", shown) + (fellBack ? " (the live value)" : "")));
    }
    for (String at : plainText) {
      findings.add(
          Finding.warning(
              at,
              "a secret in plain text in the YAML; move it to the store (keyway secrets set NAME)"
                  + " and write ${secret:NAME}"));
    }
  }

  private String describe(
      String kind, String name, Environment env, String path, List<Finding> findings) {
    String reference = "${" + kind + ":" + name + "}";
    if (!kind.equals("secret")) {
      return reference;
    }
    Optional<String> origin = origins.origin(name, env);
    if (origin.isPresent()) {
      return reference + " (" + origin.get() + ")";
    }
    if (env == Environment.DEV && origins.origin(name, Environment.LIVE).isPresent()) {
      findings.add(
          Finding.warning(
              path,
              "no dev value of secret "
                  + name
                  + ", so dev uses the LIVE value (keyway secrets set "
                  + name
                  + " --env dev)"));
      return reference + " (the live value)";
    }
    return reference + " (missing)";
  }

  private boolean isSecret(String type, String name) {
    AuthProvider provider = providers.get(type);
    if (provider != null) {
      for (SettingSpec spec : provider.settings()) {
        if (spec.name().equals(name)) {
          return spec.secret();
        }
      }
    }
    return SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  private static String textFor(Object value, Environment env) {
    if (value instanceof Map<?, ?> map && isScoped(map)) {
      Object picked = map.get(env.configName());
      if (picked == null && env == Environment.DEV) {
        picked = map.get("live");
      }
      return text(picked);
    }
    return text(value);
  }

  private static String text(Object value) {
    return value == null || value instanceof Map<?, ?> || value instanceof List<?>
        ? null
        : String.valueOf(value);
  }

  private static boolean isScoped(Map<?, ?> map) {
    return !map.isEmpty()
        && map.keySet().stream().allMatch(key -> key.equals("dev") || key.equals("live"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static Set<Map.Entry<String, Object>> entries(Object value) {
    return map(value).entrySet();
  }
}
