package dev.keyway.server.internal.settings;

import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.KeywayConfig;
import java.util.List;

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
    problems.throwIfAny();
    return new GatewaySettings(server, callers);
  }
}
