package dev.keyway.server.internal.settings;

import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.KeywayConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the gateway's own settings from a loaded configuration's sections. */
public final class GatewaySettingsReader {

  private GatewaySettingsReader() {}

  /**
   * Returns the {@code server} and {@code callers} settings of {@code config}.
   *
   * @throws dev.keyway.api.InvalidConfigException listing every problem with its config path
   */
  public static GatewaySettings read(KeywayConfig config) {
    ConfigProblems problems = new ConfigProblems();
    ServerSettings server = ServerSettingsReader.read(config.section("server"), problems);
    List<CallerSettings> callers =
        new CallersReader(config.collections(), problems).read(config.section("callers"));
    Optional<URI> publicUrl = publicUrl(config.section("publicUrl"), problems);
    problems.throwIfAny();
    return new GatewaySettings(server, callers, publicUrl);
  }

  private static Optional<URI> publicUrl(Object value, ConfigProblems problems) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      URI url = new URI(value.toString().trim());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http"))
          && url.getHost() != null
          && url.getRawQuery() == null
          && url.getRawFragment() == null
          && url.getRawUserInfo() == null) {
        return Optional.of(url);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        "publicUrl", "expected the gateway's external base URL, such as https://api.example.com");
    return Optional.empty();
  }
}
