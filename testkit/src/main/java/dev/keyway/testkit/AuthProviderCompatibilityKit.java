package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.AuthProviders;
import dev.keyway.core.Keyway;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tests every auth plugin passes, like Micrometer's {@code MeterRegistryCompatibilityKit}:
 * discovery, API version, settings, validation messages, secrets kept out of {@code toString()},
 * logs and exceptions, thread safety, and real calls through a {@link Sandbox}.
 *
 * <pre>{@code
 * class ApiTokenProviderCompatibilityTest extends AuthProviderCompatibilityKit {
 *   protected AuthProvider provider() { return new ApiTokenProvider(); }
 *   protected Sandbox startSandbox() { return Sandbox.builder().headerKey("X-Api-Token").start(); }
 *   protected Map<String, Object> validSettings(Sandbox sandbox) {
 *     return Map.of("token", sandbox.headerKey());
 *   }
 *   protected Map<String, Object> wrongSettings(Sandbox sandbox) {
 *     return Map.of("token", "not-the-sandbox-token");
 *   }
 *   protected String sandboxPath() { return "/header-key/things"; }
 * }
 * }</pre>
 *
 * <p>The kit builds Keyway the way an application does, with {@code
 * Keyway.builder().configTree(tree).build()}: one collection {@code kit} whose {@code baseUrl} is
 * the sandbox, whose {@code auth} block is {@code type: provider().type()} plus the settings, and
 * whose one call {@code probe} is {@link #callDefinition}. Providers are discovered with {@link
 * ServiceLoader} from the test class path, so the plugin must be registered in {@code
 * META-INF/services/dev.keyway.spi.AuthProvider}.
 *
 * <p>Lifecycle: JUnit makes a new instance for each test; each test gets a fresh sandbox from
 * {@link #startSandbox()}, and after it the kit closes every {@link Keyway} it built and the
 * sandbox. A subclass may add tests of its own with {@link #sandbox()} and {@link #buildKeyway}. A
 * kit test that cannot apply to a method is left out by overriding it with {@code @Test} and
 * {@code @Disabled("the reason")}.
 *
 * <p>Leaks are searched for in log output captured with {@link LogCapture}: put an SLF4J binding
 * such as slf4j-simple on the test class path, or only {@code System.out}, {@code System.err} and
 * java.util.logging are seen.
 */
public abstract class AuthProviderCompatibilityKit {

  private static final String COLLECTION = "kit";
  private static final String CALL = "probe";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int THREADS = 16;
  private static final int APPLIES_PER_THREAD = 64;
  private static final int MAX_LOAD_FAILURES = 100;
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  private final List<Keyway> built = new ArrayList<>();
  private Sandbox sandbox;

  /** Returns a new instance of the provider under test. */
  protected abstract AuthProvider provider();

  /**
   * Returns the auth-block settings (without {@code type}) that the sandbox accepts, e.g. {@code
   * Map.of("keyName", sandbox.headerKeyName(), "key", sandbox.headerKey())}. Values are Strings, or
   * nested Maps and Lists of Strings.
   */
  protected abstract Map<String, Object> validSettings(Sandbox sandbox);

  /** Returns settings of the same shape with wrong credentials: the sandbox must answer 401. */
  protected abstract Map<String, Object> wrongSettings(Sandbox sandbox);

  /** Returns the sandbox path that checks this method's credentials, e.g. {@code /header-key/x}. */
  protected abstract String sandboxPath();

  /**
   * Returns the call definition (as in YAML: {@code method}, {@code path}, {@code body}, {@code
   * params}) used for calls; by default {@code {method: GET, path: sandboxPath()}}. Override it,
   * for example, to POST a JSON body for a method that adds a body field.
   */
  protected Map<String, Object> callDefinition(Sandbox sandbox) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("method", "GET");
    call.put("path", sandboxPath());
    return call;
  }

  /**
   * Returns the values that must never leak. By default: every String in {@link #validSettings} and
   * {@link #wrongSettings} under a setting that {@link AuthProvider#settings()} marks secret. Add
   * derived values a method might leak (say, a Base64 encoding) by overriding it. Values shorter
   * than 4 characters are not looked for, as they would turn up by chance.
   */
  protected Set<String> secretValues(Sandbox sandbox) {
    Set<String> secretNames =
        provider().settings().stream()
            .filter(SettingSpec::secret)
            .map(SettingSpec::name)
            .collect(Collectors.toSet());
    Set<String> values = new LinkedHashSet<>();
    for (Map<String, Object> settings : List.of(validSettings(sandbox), wrongSettings(sandbox))) {
      settings.forEach(
          (name, value) -> {
            if (secretNames.contains(name)) {
              collectStrings(value, values);
            }
          });
    }
    values.removeIf(String::isBlank);
    return values;
  }

  /**
   * Returns the {@code baseUrl} of collection {@code kit}; by default {@link Sandbox#baseUrl()}. A
   * method that needs TLS returns {@code sandbox.tls().baseUrl()}.
   */
  protected URI baseUrl(Sandbox sandbox) {
    return sandbox.baseUrl();
  }

  /**
   * Returns settings of collection {@code kit} besides {@code baseUrl}, {@code auth} and {@code
   * calls}, as in YAML; none by default. A method that needs TLS returns, for example, {@code
   * Map.of("tls", Map.of("trustedCertificates", sandbox.tls().caCertificatePem()))}.
   */
  protected Map<String, Object> collectionSettings(Sandbox sandbox) {
    return Map.of();
  }

  /** Starts the sandbox for one test; by default {@link Sandbox#start()}. */
  protected Sandbox startSandbox() {
    return Sandbox.start();
  }

  /**
   * Returns the request the concurrency test signs: by default the method, path and body of {@link
   * #callDefinition}, approximately as core would build them, to {@code sandbox}.
   */
  protected OutboundRequest probeRequest(Sandbox sandbox) {
    return ProbeRequest.from(baseUrl(sandbox), callDefinition(sandbox));
  }

  /** Returns this test's sandbox. */
  protected final Sandbox sandbox() {
    return sandbox;
  }

  /**
   * Builds a Keyway instance whose collection {@code kit} uses the provider with {@code settings},
   * and closes it after the test.
   *
   * @throws InvalidConfigException if Keyway refuses the configuration
   */
  protected final Keyway buildKeyway(Map<String, Object> settings) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", provider().type());
    auth.putAll(settings);
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.putAll(collectionSettings(sandbox));
    collection.put("baseUrl", baseUrl(sandbox).toString());
    collection.put("auth", auth);
    collection.put("calls", Map.of(CALL, callDefinition(sandbox)));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("environment", "dev");
    tree.put("collections", Map.of(COLLECTION, collection));
    Keyway keyway = Keyway.builder().configTree(tree).build();
    built.add(keyway);
    return keyway;
  }

  @BeforeEach
  final void startKitSandbox() {
    sandbox = startSandbox();
  }

  @AfterEach
  final void closeKitResources() {
    try {
      for (Keyway keyway : built) {
        keyway.close();
      }
    } finally {
      built.clear();
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  @Test
  @DisplayName(
      "Keyway discovers the provider with ServiceLoader, and its type is a lower-case token")
  public void discoverable() {
    AuthProvider provider = provider();
    assertThat(provider.type())
        .as("type() of %s", provider.getClass().getName())
        .isNotNull()
        .matches(TYPE);
    List<String> loadFailures = new ArrayList<>();
    List<AuthProvider> found = loadProviders(loadFailures);
    boolean registered =
        found.stream()
            .anyMatch(
                candidate ->
                    candidate.getClass() == provider.getClass()
                        && provider.type().equals(candidate.type()));
    if (!registered) {
      fail(
          "ServiceLoader did not find "
              + provider.getClass().getName()
              + " with type "
              + provider.type()
              + ": list it in META-INF/services/dev.keyway.spi.AuthProvider"
              + (loadFailures.isEmpty() ? "" : "; providers that failed to load: " + loadFailures));
    }
    assertThat(AuthProviders.discover(getClass().getClassLoader()).get(provider.type()))
        .as("the provider Keyway's discovery picks for type %s", provider.type())
        .isExactlyInstanceOf(provider.getClass());
  }

  @Test
  @DisplayName("the provider declares an API version this Keyway supports")
  public void apiVersion() {
    assertThat(provider().apiVersion())
        .as("apiVersion(): return AuthProvider.API_VERSION to record the version built against")
        .isBetween(1, AuthProvider.API_VERSION);
  }

  @Test
  @DisplayName("every setting has a unique name and a description")
  public void settingsDescribed() {
    List<SettingSpec> settings = provider().settings();
    assertThat(settings).as("settings()").isNotNull().doesNotContainNull();
    Set<String> seen = new HashSet<>();
    for (SettingSpec setting : settings) {
      assertThat(setting.name()).as("a setting's name").isNotBlank().isNotEqualTo("type");
      assertThat(seen.add(setting.name()))
          .as("setting '%s' is listed once", setting.name())
          .isTrue();
      assertThat(setting.description())
          .as("description of setting '%s'", setting.name())
          .isNotBlank();
    }
    assertThat(provider().description()).as("description()").isNotBlank();
  }

  @Test
  @DisplayName("an auth block without settings is refused naming every required setting")
  public void emptyAuthBlock() {
    List<String> required = requiredSettings();
    if (required.isEmpty()) {
      assertThatCode(() -> buildKeyway(Map.of()))
          .as("no setting is required, so an auth block of only its type builds")
          .doesNotThrowAnyException();
      return;
    }
    assertThatThrownBy(() -> buildKeyway(Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            refused ->
                assertThat(problemPaths(refused))
                    .as("the problems of an auth block with only its type")
                    .containsAll(required.stream().map(this::settingPath).toList()));
  }

  @TestFactory
  @DisplayName("removing one required setting reports exactly its path, without any secret")
  public Stream<DynamicTest> missingRequiredSetting() {
    List<String> required = requiredSettings();
    if (required.isEmpty()) {
      return Stream.of(
          dynamicTest(
              "no setting is required: the valid settings build",
              () -> buildKeyway(validSettings(sandbox))));
    }
    SecretLeaks leaks = leaks();
    return required.stream()
        .map(
            name ->
                dynamicTest(
                    "without " + name,
                    () -> {
                      Map<String, Object> settings = new LinkedHashMap<>(validSettings(sandbox));
                      assertThat(settings)
                          .as("validSettings() holds the required setting '%s'", name)
                          .containsKey(name);
                      settings.remove(name);
                      assertThatThrownBy(() -> buildKeyway(settings))
                          .isInstanceOfSatisfying(
                              InvalidConfigException.class,
                              refused -> {
                                assertThat(problemPaths(refused))
                                    .as("the problem paths without '%s'", name)
                                    .containsOnly(settingPath(name));
                                leaks.assertNone("the exception without '" + name + "'", refused);
                              });
                    }));
  }

  @Test
  @DisplayName(
      "no secret appears in toString of the method, the provider, a signed request or Keyway")
  public void toStringKeepsSecrets() throws Exception {
    Keyway keyway = buildKeyway(validSettings(sandbox));
    AuthMethod method = keyway.authMethod(COLLECTION);
    OutboundRequest signed = Completion.await(method.apply(probeRequest(sandbox)), TIMEOUT);
    SecretLeaks leaks = leaks();

    leaks.assertNone("the AuthMethod's toString()", String.valueOf(method));
    leaks.assertNone("the client certificate's toString()", method.clientCertificate().toString());
    leaks.assertNone("the provider's toString()", String.valueOf(provider()));
    leaks.assertNone("the signed OutboundRequest's toString()", signed.toString());
    leaks.assertNone("the signed request's headers' toString()", signed.headers().toString());
    leaks.assertNone("the signed request's body's toString()", signed.body().toString());
    leaks.assertNone("Keyway's toString()", keyway.toString());
    leaks.assertNone("Keyway's config().toString()", keyway.config().toString());
  }

  @Test
  @DisplayName("credentials applied from 16 threads at once are the same as applied once")
  public void concurrentApply() throws Exception {
    AuthMethod method = buildKeyway(validSettings(sandbox)).authMethod(COLLECTION);
    OutboundRequest request = probeRequest(sandbox);
    AppliedRequest expected = AppliedRequest.of(Completion.await(method.apply(request), TIMEOUT));

    List<AppliedRequest> results =
        ConcurrentApply.run(method, request, THREADS, APPLIES_PER_THREAD, TIMEOUT);

    assertThat(results).hasSize(THREADS * APPLIES_PER_THREAD);
    Map<List<String>, Long> differing =
        results.stream()
            .map(expected::differences)
            .filter(parts -> !parts.isEmpty())
            .collect(Collectors.groupingBy(parts -> parts, Collectors.counting()));
    if (!differing.isEmpty()) {
      fail(
          "applying credentials concurrently gave other results than one sequential apply;"
              + " differing parts and how often: "
              + differing);
    }
  }

  @Test
  @DisplayName("a call with valid credentials succeeds and reaches the sandbox once")
  public void validCall() throws Exception {
    ApiResponse response = call(buildKeyway(validSettings(sandbox)));

    assertThat(response.status())
        .as("status of the call with validSettings(); the sandbox answered %s", response.bodyText())
        .isBetween(200, 299);
    assertThat(sandbox.requestCount()).as("requests the sandbox received").isEqualTo(1);
  }

  @Test
  @DisplayName("a call with wrong credentials gets the sandbox's 401")
  public void wrongCall() throws Exception {
    ApiResponse response = call(buildKeyway(wrongSettings(sandbox)));

    assertThat(response.status()).as("status of the call with wrongSettings()").isEqualTo(401);
    assertThat(sandbox.requestCount()).as("requests the sandbox received").isPositive();
  }

  @Test
  @DisplayName("no secret appears in the logs of a successful and a refused call")
  public void logsKeepSecrets() throws Exception {
    String logs;
    try (LogCapture capture = LogCapture.start()) {
      call(buildKeyway(validSettings(sandbox)));
      call(buildKeyway(wrongSettings(sandbox)));
      logs = capture.text();
    }
    leaks().assertNone("the log output of a successful and a refused call", logs);
  }

  @Test
  @DisplayName("an unreachable upstream fails without a secret in the exception or the logs")
  public void unreachableKeepsSecrets() {
    Keyway keyway = buildKeyway(validSettings(sandbox));
    sandbox.close();
    SecretLeaks leaks = leaks();
    String logs;
    try (LogCapture capture = LogCapture.start()) {
      assertThatThrownBy(() -> call(keyway))
          .as("a call to a closed sandbox")
          .satisfies(thrown -> leaks.assertNone("the exception of a failed call", thrown));
      logs = capture.text();
    }
    leaks.assertNone("the log output of a failed call", logs);
  }

  private SecretLeaks leaks() {
    return new SecretLeaks(secretValues(sandbox));
  }

  private List<String> requiredSettings() {
    return provider().settings().stream()
        .filter(SettingSpec::required)
        .map(SettingSpec::name)
        .toList();
  }

  private String settingPath(String name) {
    return "collections." + COLLECTION + ".auth." + name;
  }

  private static Set<String> problemPaths(InvalidConfigException refused) {
    return refused.problems().stream().map(ConfigProblem::path).collect(Collectors.toSet());
  }

  private List<AuthProvider> loadProviders(List<String> failures) {
    List<AuthProvider> found = new ArrayList<>();
    Iterator<AuthProvider> providers =
        ServiceLoader.load(AuthProvider.class, getClass().getClassLoader()).iterator();
    while (failures.size() < MAX_LOAD_FAILURES) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        found.add(providers.next());
      } catch (ServiceConfigurationError error) {
        failures.add(error.getMessage());
      }
    }
    return found;
  }

  private static ApiResponse call(Keyway keyway) throws Exception {
    return Completion.await(keyway.call(COLLECTION, CALL, Map.of()), TIMEOUT);
  }

  private static void collectStrings(Object value, Set<String> into) {
    if (value instanceof String text) {
      into.add(text);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(nested -> collectStrings(nested, into));
    } else if (value instanceof Iterable<?> list) {
      list.forEach(nested -> collectStrings(nested, into));
    }
  }
}
