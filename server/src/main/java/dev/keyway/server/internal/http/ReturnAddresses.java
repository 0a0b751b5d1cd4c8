package dev.keyway.server.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a connect flow's {@code return_to} against a caller's {@code returnTo} list: the same
 * scheme, host and port as one entry, and a path equal to or below that entry's path (on a segment
 * boundary: {@code /settings} allows {@code /settings/x}, not {@code /settings-evil}). No user
 * info, no fragment. Anything else is refused before any redirect, so the gateway is no open
 * redirector.
 */
final class ReturnAddresses {

  private ReturnAddresses() {}

  /** Returns {@code text} as a URI if one of {@code allowed} permits it. */
  static Optional<URI> check(String text, List<URI> allowed) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    URI candidate;
    try {
      candidate = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!candidate.isAbsolute()
        || candidate.isOpaque()
        || candidate.getHost() == null
        || candidate.getRawUserInfo() != null
        || candidate.getRawFragment() != null) {
      return Optional.empty();
    }
    for (URI entry : allowed) {
      if (sameOrigin(candidate, entry) && below(candidate.getRawPath(), entry.getRawPath())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean sameOrigin(URI candidate, URI entry) {
    return candidate.getScheme().equalsIgnoreCase(String.valueOf(entry.getScheme()))
        && candidate.getHost().toLowerCase(Locale.ROOT).equals(lower(entry.getHost()))
        && port(candidate) == port(entry);
  }

  private static boolean below(String path, String prefix) {
    String p = path == null || path.isEmpty() ? "/" : path;
    String base = prefix == null || prefix.isEmpty() ? "/" : prefix;
    if (p.contains("/../")
        || p.endsWith("/..")
        || p.contains("/./")
        || p.contains("%2e")
        || p.contains("%2E")) {
      return false;
    }
    if (base.endsWith("/")) {
      return p.startsWith(base);
    }
    return p.equals(base) || p.startsWith(base + "/");
  }

  private static String lower(String host) {
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
