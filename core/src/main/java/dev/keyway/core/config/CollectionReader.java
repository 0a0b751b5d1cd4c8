package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads one collection: base URL, auth, shared headers and params, timeouts, calls and TLS. */
final class CollectionReader {

  /** The shape of collection and call ids. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  private CollectionReader() {}

  /**
   * Returns collection {@code id}, or empty when it has a problem (recorded with its path). {@code
   * requiredAuthSettings} names the required settings of each known auth type.
   */
  static Optional<CollectionConfig> read(
      String id, Section collection, Map<String, Set<String>> requiredAuthSettings) {
    int mark = collection.problemCount();
    Optional<URI> baseUrl =
        collection
            .requiredText("baseUrl")
            .flatMap(text -> baseUrl(text, collection.path("baseUrl"), collection));
    Optional<AuthConfig> auth =
        collection.requiredSection("auth").flatMap(a -> AuthReader.read(a, requiredAuthSettings));
    Optional<Map<String, String>> headers = NamedValues.headers(collection);
    Optional<Map<String, ParamConfig>> params = ParamReader.readAll(collection);
    Optional<Timeouts> timeouts = timeouts(collection);
    Map<String, CallConfig> calls = calls(collection);
    Optional<TlsConfig> tls = TlsReader.read(collection);
    AuthPolicy authPolicy = authPolicy(collection);
    collection.rejectUnknownKeys();
    if (collection.problemCount() > mark) {
      return Optional.empty();
    }
    return Optional.of(
        new CollectionConfig(
            id,
            baseUrl.orElseThrow(),
            auth.orElseThrow(),
            headers.orElseThrow(),
            params.orElseThrow(),
            timeouts.orElseThrow(),
            calls,
            tls.orElseThrow(),
            authPolicy));
  }

  private static AuthPolicy authPolicy(Section collection) {
    Duration lifetime =
        collection
            .duration("defaultTokenLifetime")
            .orElse(AuthPolicy.DEFAULT.defaultTokenLifetime());
    Set<Integer> statuses = new TreeSet<>();
    JsonNode raw = collection.raw("authFailureStatuses");
    if (raw == null || raw.isNull()) {
      statuses.addAll(AuthPolicy.DEFAULT.authFailureStatuses());
    } else if (!raw.isArray() || raw.isEmpty()) {
      collection
          .problems()
          .add(
              collection.path("authFailureStatuses"),
              "expected a non-empty list of HTTP statuses such as [401]");
    } else {
      for (JsonNode status : raw) {
        if (status.canConvertToInt() && status.asInt() >= 400 && status.asInt() <= 499) {
          statuses.add(status.asInt());
        } else {
          collection
              .problems()
              .add(
                  collection.path("authFailureStatuses"),
                  "each entry must be a 4xx status such as 401");
        }
      }
    }
    return statuses.isEmpty() ? AuthPolicy.DEFAULT : new AuthPolicy(statuses, lifetime);
  }

  /**
   * Parses an absolute http(s) URL with a host and an optional path prefix; a trailing {@code /} of
   * the prefix is dropped, since every call path starts with one.
   */
  private static Optional<URI> baseUrl(String text, String path, Section collection) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      // The reason quotes the input; a base URL may come from a secret, so it is left out.
      collection.problems().add(path, "not a valid URL; expected e.g. https://api.example.com");
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
      collection
          .problems()
          .add(path, "expected an absolute http or https URL such as https://api.example.com");
      return Optional.empty();
    }
    String problem = null;
    if (uri.getHost() == null) {
      problem = "has no valid host name";
    } else if (uri.getRawUserInfo() != null) {
      problem = "must not contain a user name or password; configure them in auth";
    } else if (uri.getRawQuery() != null) {
      problem = "must not contain a query (?...); put query values in a call's query or params";
    } else if (uri.getRawFragment() != null) {
      problem = "must not contain a fragment (#...)";
    }
    if (problem != null) {
      collection.problems().add(path, problem);
      return Optional.empty();
    }
    String prefix = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return Optional.of(URI.create(scheme + "://" + uri.getRawAuthority() + prefix));
  }

  private static Optional<Timeouts> timeouts(Section collection) {
    Lookup<Section> section = collection.section("timeouts");
    if (section.state() == Lookup.State.INVALID) {
      return Optional.empty();
    }
    if (section.value().isEmpty()) {
      return Optional.of(Timeouts.DEFAULT);
    }
    Section timeouts = section.value().get();
    int mark = timeouts.problemCount();
    Timeouts value =
        new Timeouts(
            timeouts.duration("connect").orElse(Timeouts.DEFAULT.connect()),
            timeouts.duration("response").orElse(Timeouts.DEFAULT.response()));
    timeouts.rejectUnknownKeys();
    return timeouts.problemCount() > mark ? Optional.empty() : Optional.of(value);
  }

  private static Map<String, CallConfig> calls(Section collection) {
    Map<String, CallConfig> calls = new LinkedHashMap<>();
    Optional<Section> all = collection.requiredSection("calls");
    if (all.isEmpty()) {
      return calls;
    }
    for (String id : all.get().keys()) {
      if (!ID.matcher(id).matches()) {
        all.get()
            .problems()
            .add(all.get().path(id), "not a valid call id; use letters, digits, _ and -");
      }
      all.get()
          .requiredSection(id)
          .flatMap(call -> CallReader.read(id, call))
          .ifPresent(call -> calls.put(id, call));
    }
    return calls;
  }
}
