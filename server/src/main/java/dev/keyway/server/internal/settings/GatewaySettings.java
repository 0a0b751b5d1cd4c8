package dev.keyway.server.internal.settings;

import java.util.List;

/** What the gateway reads from a configuration besides its collections. */
public record GatewaySettings(ServerSettings server, List<CallerSettings> callers) {

  public GatewaySettings {
    callers = List.copyOf(callers);
  }
}
