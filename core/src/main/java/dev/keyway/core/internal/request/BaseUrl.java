package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A collection's {@code baseUrl} split into the origin every request goes to (scheme, host and
 * port) and the path prefix every call path follows (without a trailing {@code /}). Nothing a
 * caller passes can change either.
 */
record BaseUrl(URI origin, String prefix) {

  /** Splits {@code baseUrl}, or records why it cannot be one at {@code path} and returns null. */
  static BaseUrl compile(URI baseUrl, String path, ConfigProblems problems) {
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      problems.add(path, "must start with https:// (or http://)");
      return null;
    }
    if (baseUrl.isOpaque() || baseUrl.getHost() == null) {
      problems.add(path, "must name a host, e.g. https://api.example.com");
      return null;
    }
    if (baseUrl.getRawUserInfo() != null) {
      problems.add(path, "cannot hold a user name or password; configure auth instead");
      return null;
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      problems.add(path, "cannot hold a query or a fragment; put fixed query values on the calls");
      return null;
    }
    String rawPath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    int problemsBefore = problems.list().size();
    for (String problem : UrlPathText.problems(rawPath)) {
      problems.add(path, "the path " + problem);
    }
    if (problems.list().size() > problemsBefore) {
      return null;
    }
    int end = rawPath.length();
    while (end > 0 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    try {
      URI origin = new URI(scheme, null, baseUrl.getHost(), baseUrl.getPort(), null, null, null);
      return new BaseUrl(origin, rawPath.substring(0, end));
    } catch (URISyntaxException e) {
      problems.add(path, "not a valid URL");
      return null;
    }
  }
}
