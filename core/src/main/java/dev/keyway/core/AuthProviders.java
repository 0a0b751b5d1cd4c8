package dev.keyway.core;

import dev.keyway.spi.AuthProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Finds auth providers and checks that they can be used together.
 *
 * <p>Like {@code ObjectMapper.findModules(ClassLoader)}: one method, an explicit class loader, and
 * every problem reported at once — a provider that fails to load is named (not silently skipped),
 * two providers claiming one type are both named, and a provider built for an API version this core
 * does not support is refused.
 */
public final class AuthProviders {

  /** The oldest SPI version this core still runs. */
  public static final int OLDEST_SUPPORTED_API_VERSION = 1;

  private static final int MAX_LOAD_FAILURES = 100;

  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  private AuthProviders() {}

  /**
   * Loads every {@link AuthProvider} registered in {@code META-INF/services} of {@code classLoader}
   * and returns them by type.
   *
   * @throws ProviderDiscoveryException listing every provider that cannot be used
   */
  public static Map<String, AuthProvider> discover(ClassLoader classLoader) {
    List<String> problems = new ArrayList<>();
    List<AuthProvider> found = new ArrayList<>();
    Iterator<AuthProvider> providers =
        ServiceLoader.load(AuthProvider.class, classLoader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        found.add(providers.next());
      } catch (ServiceConfigurationError error) {
        // The message names the provider class and why it failed; loading goes on with the next.
        problems.add("a provider failed to load: " + error.getMessage());
        if (problems.size() > MAX_LOAD_FAILURES) {
          break;
        }
      }
    }
    Map<String, AuthProvider> byType = index(found, problems);
    if (!problems.isEmpty()) {
      throw new ProviderDiscoveryException(problems);
    }
    return byType;
  }

  /**
   * Checks {@code providers} (discovered or added by an embedder) and returns them by type.
   *
   * @throws ProviderDiscoveryException listing every provider that cannot be used
   */
  public static Map<String, AuthProvider> index(Collection<? extends AuthProvider> providers) {
    List<String> problems = new ArrayList<>();
    Map<String, AuthProvider> byType = index(providers, problems);
    if (!problems.isEmpty()) {
      throw new ProviderDiscoveryException(problems);
    }
    return byType;
  }

  private static Map<String, AuthProvider> index(
      Collection<? extends AuthProvider> providers, List<String> problems) {
    Map<String, AuthProvider> byType = new LinkedHashMap<>();
    for (AuthProvider provider : providers) {
      String name = provider.getClass().getName();
      String type = provider.type();
      int version = provider.apiVersion();
      if (type == null || !TYPE.matcher(type).matches()) {
        problems.add(name + ": type '" + type + "' is not a lower-case name such as header-key");
        continue;
      }
      if (version > AuthProvider.API_VERSION || version < OLDEST_SUPPORTED_API_VERSION) {
        problems.add(
            name
                + " (type "
                + type
                + ") was built for Keyway API version "
                + version
                + ", but this keyway-core supports versions "
                + OLDEST_SUPPORTED_API_VERSION
                + " to "
                + AuthProvider.API_VERSION
                + "; use a keyway-core release that matches the plugin");
        continue;
      }
      AuthProvider earlier = byType.putIfAbsent(type, provider);
      if (earlier != null && earlier.getClass() != provider.getClass()) {
        problems.add(
            "two providers claim type "
                + type
                + ": "
                + earlier.getClass().getName()
                + " and "
                + name
                + "; remove one of them from the class path");
      }
    }
    return Collections.unmodifiableMap(byType);
  }
}
