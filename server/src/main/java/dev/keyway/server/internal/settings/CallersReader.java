package dev.keyway.server.internal.settings;

import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.server.internal.auth.CallPattern;
import dev.keyway.server.internal.auth.CallerKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code callers:}: for each caller its {@code key} hash and/or {@code session}, its {@code
 * allow} list (checked against the configured collections and calls), its browser {@code origins}
 * and its {@code returnTo} URLs.
 */
final class CallersReader {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  private final Map<String, CollectionConfig> collections;
  private final ConfigProblems problems;

  CallersReader(Map<String, CollectionConfig> collections, ConfigProblems problems) {
    this.collections = collections;
    this.problems = problems;
  }

  /** Returns every valid caller of {@code section} (the resolved {@code callers} value). */
  List<CallerSettings> read(Object section) {
    List<CallerSettings> callers = new ArrayList<>();
    Optional<ConfigTree> all = ConfigTree.of(section, "callers", problems);
    if (all.isEmpty()) {
      return callers;
    }
    Map<String, String> ownerOfHash = new HashMap<>();
    for (String id : all.get().keys()) {
      if (!ID.matcher(id).matches()) {
        problems.add(all.get().path(id), "not a valid caller id; use letters, digits, _ and -");
      }
      all.get()
          .tree(id)
          .flatMap(this::caller)
          .ifPresent(
              caller -> {
                caller
                    .keyHash()
                    .map(hash -> ownerOfHash.putIfAbsent(hash, caller.id()))
                    .ifPresent(
                        other ->
                            problems.add(
                                "callers." + caller.id() + ".key",
                                "the same key as caller "
                                    + other
                                    + "; give every caller a key of its own"));
                callers.add(caller);
              });
    }
    return callers;
  }

  private Optional<CallerSettings> caller(ConfigTree caller) {
    int mark = problems.list().size();
    String id = caller.path().substring("callers.".length());
    Optional<String> keyHash = caller.text("key").flatMap(text -> keyHash(text, caller));
    Optional<SessionSettings> session = caller.tree("session").flatMap(SessionReader::read);
    if (!caller.has("key") && !caller.has("session")) {
      problems.add(
          caller.path(),
          "needs a key (the hash printed by keyway hash-key) or a session, to authenticate");
    }
    List<CallPattern> allow = allow(caller);
    List<String> origins = origins(caller);
    List<URI> returnTo = returnTo(caller);
    caller.rejectUnknownKeys();
    if (problems.list().size() > mark) {
      return Optional.empty();
    }
    return Optional.of(new CallerSettings(id, keyHash, session, allow, origins, returnTo));
  }

  private Optional<String> keyHash(String text, ConfigTree caller) {
    String hash = text.trim().toLowerCase(Locale.ROOT);
    if (CallerKeys.isHash(hash)) {
      return Optional.of(hash);
    }
    problems.add(
        caller.path("key"),
        text.trim().startsWith(CallerKeys.PREFIX)
            ? "this is a key, not its hash; store the sha256:... line printed by keyway hash-key"
            : "expected sha256:<64 hex digits>; keyway hash-key prints one");
    return Optional.empty();
  }

  private List<CallPattern> allow(ConfigTree caller) {
    List<CallPattern> patterns = new ArrayList<>();
    Optional<List<String>> entries = caller.list("allow");
    if (entries.isEmpty()) {
      if (!caller.has("allow")) {
        problems.add(
            caller.path("allow"),
            "required; list the calls this caller may make, e.g. [\"weather.*\"] or [\"*\"]");
      }
      return patterns;
    }
    for (int i = 0; i < entries.get().size(); i++) {
      String path = caller.path("allow") + "[" + i + "]";
      String entry = entries.get().get(i);
      Optional<CallPattern> pattern = CallPattern.parse(entry);
      if (pattern.isEmpty()) {
        problems.add(path, "expected *, collection.* or collection.call");
      } else if (refersToNothing(pattern.get(), path)) {
        continue;
      } else {
        patterns.add(pattern.get());
      }
    }
    return patterns;
  }

  private boolean refersToNothing(CallPattern pattern, String path) {
    if (pattern.collection().equals(CallPattern.ANY)) {
      return false;
    }
    CollectionConfig collection = collections.get(pattern.collection());
    if (collection == null) {
      problems.add(path, "no collection named " + pattern.collection());
      return true;
    }
    if (!pattern.call().equals(CallPattern.ANY)
        && !collection.calls().containsKey(pattern.call())) {
      problems.add(path, "collection " + collection.id() + " has no call named " + pattern.call());
      return true;
    }
    return false;
  }

  private List<String> origins(ConfigTree caller) {
    List<String> origins = new ArrayList<>();
    List<String> entries = caller.list("origins").orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      String path = caller.path("origins") + "[" + i + "]";
      Optional<String> origin = origin(entries.get(i).trim());
      if (origin.isEmpty()) {
        problems.add(
            path,
            "expected an origin: scheme, host and optional port, without a path, such as"
                + " https://app.example.com");
      }
      origin.ifPresent(origins::add);
    }
    return origins;
  }

  /** Returns {@code text} as a browser would send it in {@code Origin}, if it is an origin. */
  private static Optional<String> origin(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return Optional.of(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
      }
    } catch (URISyntaxException e) {
      // reported by the caller
    }
    return Optional.empty();
  }

  private List<URI> returnTo(ConfigTree caller) {
    List<URI> urls = new ArrayList<>();
    List<String> entries = caller.list("returnTo").orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      String path = caller.path("returnTo") + "[" + i + "]";
      try {
        URI uri = new URI(entries.get(i).trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null
            && uri.getRawFragment() == null) {
          urls.add(uri);
          continue;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      problems.add(path, "expected an absolute http or https URL without a fragment");
    }
    return urls;
  }
}
