package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthorizationRequest;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The provider's login dialog URL: the {@code loginDialogUrl} template with {@code [client_id]},
 * {@code [redirect_uri]}, {@code [scope]} and {@code [state]} filled in (each query-encoded), and
 * every parameter the flow needs that the template lacks added — {@code response_type=code}, {@code
 * client_id}, {@code redirect_uri}, {@code scope}, {@code state}, the PKCE challenge, {@code
 * access_type=offline} when asked, and {@code extraAuthorizeParams}. Immutable.
 */
final class LoginDialog {

  private final String template;
  private final boolean offline;
  private final Map<String, String> extra;

  private LoginDialog(String template, boolean offline, Map<String, String> extra) {
    this.template = template;
    this.offline = offline;
    this.extra = Map.copyOf(extra);
  }

  /** Reads {@code loginDialogUrl}, {@code accessTypeOffline} and {@code extraAuthorizeParams}. */
  static LoginDialog read(Settings settings, ConfigProblems problems) {
    String template = settings.text("loginDialogUrl").orElse("");
    if (template.isBlank()) {
      problems.add(settings.path("loginDialogUrl"), "required");
    } else {
      try {
        URI sample = new URI(fill(template.trim(), "c", "https://r", "s", "t"));
        String scheme =
            sample.getScheme() == null ? "" : sample.getScheme().toLowerCase(Locale.ROOT);
        if (!sample.isAbsolute() || sample.getHost() == null || !scheme.startsWith("http")) {
          problems.add(
              settings.path("loginDialogUrl"),
              "expected an absolute https URL such as https://provider.example/oauth/authorize");
        }
      } catch (URISyntaxException e) {
        problems.add(settings.path("loginDialogUrl"), "not a valid URL template");
      }
    }
    Map<String, String> extra = new LinkedHashMap<>();
    settings
        .section("extraAuthorizeParams")
        .ifPresent(
            section -> {
              for (String name : section.names()) {
                section.text(name).ifPresent(value -> extra.put(name, value));
              }
            });
    return new LoginDialog(
        template.trim(), problems.flag(settings, "accessTypeOffline").orElse(false), extra);
  }

  /** Returns the login dialog URL for {@code request}. */
  URI url(AuthorizationRequest request, String clientId, String scope) {
    String url = fill(template, clientId, request.redirectUri(), scope, request.state());
    Set<String> present = parameterNames(url);
    Map<String, String> add = new LinkedHashMap<>();
    add.put("response_type", "code");
    add.put("client_id", clientId);
    add.put("redirect_uri", request.redirectUri());
    if (!scope.isEmpty()) {
      add.put("scope", scope);
    }
    add.put("state", request.state());
    request.codeChallenge().ifPresent(challenge -> add.put("code_challenge", challenge));
    request.method().ifPresent(method -> add.put("code_challenge_method", method));
    if (offline) {
      add.put("access_type", "offline");
    }
    add.putAll(extra);
    StringBuilder result = new StringBuilder(url);
    char separator = url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? 0 : '&') : '?';
    for (Map.Entry<String, String> parameter : add.entrySet()) {
      if (present.contains(parameter.getKey())) {
        continue;
      }
      if (separator != 0) {
        result.append(separator);
      }
      separator = '&';
      result
          .append(OutboundRequest.encodeQueryComponent(parameter.getKey()))
          .append('=')
          .append(OutboundRequest.encodeQueryComponent(parameter.getValue()));
    }
    return URI.create(result.toString());
  }

  private static String fill(
      String template, String clientId, String redirectUri, String scope, String state) {
    return template
        .replace("[client_id]", OutboundRequest.encodeQueryComponent(clientId))
        .replace("[redirect_uri]", OutboundRequest.encodeQueryComponent(redirectUri))
        .replace("[scope]", OutboundRequest.encodeQueryComponent(scope))
        .replace("[state]", OutboundRequest.encodeQueryComponent(state));
  }

  private static Set<String> parameterNames(String url) {
    Set<String> names = new TreeSet<>();
    int query = url.indexOf('?');
    if (query < 0) {
      return names;
    }
    int fragment = url.indexOf('#', query);
    String text = url.substring(query + 1, fragment < 0 ? url.length() : fragment);
    for (String pair : text.split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        names.add(
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  @Override
  public String toString() {
    return "LoginDialog[offline=" + offline + ", extra=" + extra.keySet() + "]";
  }
}
