package dev.keyway.server.internal.settings;

import dev.keyway.api.ConfigProblems;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code server:}: {@code host}, {@code port}, {@code admin: {host, port}}, {@code limits:
 * {requestBody, responseBody, headers, idleTimeout, readTimeout}}, {@code publicRateLimit:
 * {requests, per}} and {@code shutdownTimeout}. Every setting is optional.
 */
final class ServerSettingsReader {

  private static final long LARGEST_REQUEST_BODY = 1L << 30;
  private static final long LARGEST_HEADERS = 1L << 20;

  private ServerSettingsReader() {}

  static ServerSettings read(Object section, ConfigProblems problems) {
    ServerSettings defaults = ServerSettings.DEFAULT;
    Optional<ConfigTree> found = ConfigTree.of(section, "server", problems);
    if (found.isEmpty()) {
      return defaults;
    }
    ConfigTree server = found.get();
    String host = host(server, "host").orElse(defaults.host());
    int port = server.port("port").orElse(defaults.port());
    String adminHost = defaults.adminHost();
    int adminPort = defaults.adminPort();
    Optional<ConfigTree> admin = server.tree("admin");
    if (admin.isPresent()) {
      adminHost = host(admin.get(), "host").orElse(adminHost);
      adminPort = admin.get().port("port").orElse(adminPort);
      admin.get().rejectUnknownKeys();
    }
    Limits limits = server.tree("limits").map(ServerSettingsReader::limits).orElse(Limits.DEFAULT);
    RateLimit rateLimit =
        server
            .tree("publicRateLimit")
            .map(ServerSettingsReader::rateLimit)
            .orElse(RateLimit.DEFAULT);
    Duration shutdown = server.duration("shutdownTimeout").orElse(defaults.shutdownTimeout());
    server.rejectUnknownKeys();
    return new ServerSettings(host, port, adminHost, adminPort, limits, rateLimit, shutdown);
  }

  private static Optional<String> host(ConfigTree tree, String key) {
    return tree.text(key)
        .map(String::trim)
        .filter(
            text -> {
              if (text.isEmpty() || !text.matches("[A-Za-z0-9.:_-]+")) {
                tree.problems()
                    .add(tree.path(key), "expected a host name or IP address, such as 127.0.0.1");
                return false;
              }
              return true;
            });
  }

  private static Limits limits(ConfigTree tree) {
    Limits defaults = Limits.DEFAULT;
    int requestBody =
        capped(tree, "requestBody", LARGEST_REQUEST_BODY, "1GiB")
            .map(Long::intValue)
            .orElse(defaults.requestBodyBytes());
    long responseBody = tree.size("responseBody").orElse(defaults.responseBodyBytes());
    int headers =
        capped(tree, "headers", LARGEST_HEADERS, "1MiB")
            .map(Long::intValue)
            .orElse(defaults.headerBytes());
    Duration idle = tree.duration("idleTimeout").orElse(defaults.idleTimeout());
    Duration read = tree.duration("readTimeout").orElse(defaults.readTimeout());
    tree.rejectUnknownKeys();
    return new Limits(requestBody, responseBody, headers, idle, read);
  }

  private static Optional<Long> capped(ConfigTree tree, String key, long largest, String shown) {
    return tree.size(key)
        .filter(
            bytes -> {
              if (bytes > largest) {
                tree.problems().add(tree.path(key), "at most " + shown);
                return false;
              }
              return true;
            });
  }

  private static RateLimit rateLimit(ConfigTree tree) {
    int requests =
        tree.integer("requests", 1, 1_000_000, "expected a whole number from 1 to 1000000")
            .orElse(RateLimit.DEFAULT.requests());
    Duration per = tree.duration("per").orElse(RateLimit.DEFAULT.per());
    tree.rejectUnknownKeys();
    return new RateLimit(requests, per);
  }
}
