package dev.keyway.core.internal.oauth;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.ClientAuthentication;
import dev.keyway.spi.ClientAuthenticationProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenEndpointSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the token endpoint settings every token method shares ({@code tokenEndpoint}, {@code
 * clientId}, {@code clientSecret}, {@code clientAuth} and the chosen client authentication's own)
 * and makes the {@link TokenEndpoint} of one collection. Immutable.
 */
public final class TokenEndpoints {

  private final Map<String, ClientAuthenticationProvider> plugins;

  public TokenEndpoints(Map<String, ClientAuthenticationProvider> plugins) {
    this.plugins = Map.copyOf(plugins);
  }

  /** Returns the settings of every plugin's client authentication, which token methods accept. */
  public List<SettingSpec> pluginSettings() {
    return plugins.values().stream().flatMap(plugin -> plugin.settings().stream()).toList();
  }

  /**
   * Returns the endpoint {@code settings} describe for {@code context}'s collection, or null after
   * recording every problem in {@code problems}. A request, retries included, ends within {@code
   * deadline}.
   */
  public TokenEndpoint create(
      Settings settings, ConfigProblems problems, AuthContext context, Duration deadline) {
    int before = problems.list().size();
    Optional<URI> url =
        settings.text("tokenEndpoint").flatMap(text -> url(text, settings, problems));
    if (settings.text("tokenEndpoint").isEmpty()) {
      problems.add(settings.path("tokenEndpoint"), "required");
    }
    TokenResponses.Format format =
        new TokenResponses.Format(
            settings.text("tokenName").filter(name -> !name.isBlank()).orElse("access_token"),
            problems.flag(settings, "tokenAsQuerystring").orElse(false));
    ClientAuthentication client = client(settings, problems, context, url);
    if (problems.list().size() > before || url.isEmpty() || client == null) {
      return null;
    }
    return new HttpTokenEndpoint(
        context.collection(),
        url.get(),
        client,
        context.http(),
        context.clock(),
        RetryPolicy.DEFAULT,
        deadline,
        format);
  }

  private ClientAuthentication client(
      Settings settings, ConfigProblems problems, AuthContext context, Optional<URI> url) {
    Optional<String> clientId = settings.text("clientId").filter(id -> !id.isEmpty());
    Optional<Secret> secret = settings.secret("clientSecret").filter(s -> !s.isEmpty());
    String method =
        settings
            .text(TokenEndpointSettings.CLIENT_AUTH)
            .map(text -> text.trim().toLowerCase(Locale.ROOT))
            .orElse(secret.isPresent() ? SecretClientAuthentication.BASIC : "none");
    String path = settings.path(TokenEndpointSettings.CLIENT_AUTH);
    if (ClientAuthenticationProviders.BUILT_IN.contains(method)) {
      boolean needsSecret = !method.equals(SecretClientAuthentication.NONE);
      if (needsSecret && clientId.isEmpty()) {
        problems.add(settings.path("clientId"), "required for clientAuth " + method);
      }
      if (needsSecret && secret.isEmpty()) {
        problems.add(settings.path("clientSecret"), "required for clientAuth " + method);
      }
      if (!needsSecret && secret.isPresent()) {
        problems.add(
            settings.path("clientSecret"),
            "not sent with clientAuth none; use client_secret_basic or client_secret_post");
      }
      return needsSecret && (clientId.isEmpty() || secret.isEmpty())
          ? null
          : new SecretClientAuthentication(method, clientId, secret);
    }
    ClientAuthenticationProvider plugin = plugins.get(method);
    if (plugin == null) {
      TreeSet<String> known = new TreeSet<>(ClientAuthenticationProviders.BUILT_IN);
      known.addAll(plugins.keySet());
      problems.add(
          path,
          "unknown client authentication '"
              + method
              + "'; available: "
              + String.join(", ", known)
              + " (private_key_jwt comes with keyway-auth-jwt)");
      return null;
    }
    if (clientId.isEmpty()) {
      problems.add(settings.path("clientId"), "required for clientAuth " + method);
      return null;
    }
    if (url.isEmpty()) {
      return null;
    }
    try {
      ClientAuthentication created =
          plugin.create(clientId.get(), url.get().toString(), settings, context);
      if (created == null) {
        problems.add(path, "the " + method + " provider returned no client authentication");
      }
      return created;
    } catch (InvalidConfigException e) {
      problems.addAll(e.problems());
    } catch (RuntimeException e) {
      problems.add(path, "the " + method + " provider failed (" + e.getClass().getName() + ")");
    }
    return null;
  }

  private static Optional<URI> url(String text, Settings settings, ConfigProblems problems) {
    String path = settings.path("tokenEndpoint");
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        problems.add(
            path, "expected an absolute http or https URL such as https://auth.example.com/token");
      } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
        problems.add(path, "must not contain a user name, password or fragment");
      } else {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      problems.add(path, "not a valid URL; expected e.g. https://auth.example.com/token");
    }
    return Optional.empty();
  }
}
