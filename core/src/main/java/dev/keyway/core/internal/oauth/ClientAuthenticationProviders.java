package dev.keyway.core.internal.oauth;

import dev.keyway.core.AuthProviders;
import dev.keyway.core.ProviderDiscoveryException;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientAuthenticationProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the client authentications plugins contribute (such as {@code private_key_jwt}), the way
 * {@link AuthProviders} finds auth methods: every problem is reported at once, and a plugin may not
 * claim one of the methods core offers itself.
 */
public final class ClientAuthenticationProviders {

  /** The methods core offers itself. */
  static final Set<String> BUILT_IN =
      Set.of(
          SecretClientAuthentication.BASIC,
          SecretClientAuthentication.POST,
          SecretClientAuthentication.NONE);

  private ClientAuthenticationProviders() {}

  /**
   * Loads every {@link ClientAuthenticationProvider} of {@code classLoader}, by method.
   *
   * @throws ProviderDiscoveryException listing every provider that cannot be used
   */
  public static Map<String, ClientAuthenticationProvider> discover(ClassLoader classLoader) {
    List<String> problems = new ArrayList<>();
    Map<String, ClientAuthenticationProvider> byMethod = new LinkedHashMap<>();
    Iterator<ClientAuthenticationProvider> providers =
        ServiceLoader.load(ClientAuthenticationProvider.class, classLoader).iterator();
    while (problems.size() <= 100) {
      ClientAuthenticationProvider provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError error) {
        problems.add("a client authentication provider failed to load: " + error.getMessage());
        continue;
      }
      String name = provider.getClass().getName();
      String method = provider.method();
      if (method == null || method.isBlank() || BUILT_IN.contains(method)) {
        problems.add(name + ": method '" + method + "' is empty or one core offers itself");
      } else if (provider.apiVersion() > AuthProvider.API_VERSION
          || provider.apiVersion() < AuthProviders.OLDEST_SUPPORTED_API_VERSION) {
        problems.add(
            name + " was built for Keyway API version " + provider.apiVersion() + ", not this one");
      } else {
        ClientAuthenticationProvider earlier = byMethod.putIfAbsent(method, provider);
        if (earlier != null && earlier.getClass() != provider.getClass()) {
          problems.add(
              "two client authentication providers claim "
                  + method
                  + ": "
                  + earlier.getClass().getName()
                  + " and "
                  + name);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ProviderDiscoveryException(problems);
    }
    return Collections.unmodifiableMap(byMethod);
  }
}
