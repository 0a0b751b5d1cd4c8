package dev.keyway.server.internal.settings;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway reads from a configuration besides its collections: its server settings, its
 * callers, and {@code publicUrl}, the external base URL OAuth redirect URIs are built on (default:
 * {@code http://127.0.0.1:PORT} of the listener).
 */
public record GatewaySettings(
    ServerSettings server, List<CallerSettings> callers, Optional<URI> publicUrl) {

  public GatewaySettings {
    Objects.requireNonNull(server, "server");
    callers = List.copyOf(callers);
    Objects.requireNonNull(publicUrl, "publicUrl");
  }

  /** Creates settings without a {@code publicUrl}. */
  public GatewaySettings(ServerSettings server, List<CallerSettings> callers) {
    this(server, callers, Optional.empty());
  }
}
