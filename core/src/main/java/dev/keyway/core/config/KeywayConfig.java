package dev.keyway.core.config;

import dev.keyway.api.Environment;
import java.util.Map;
import java.util.Objects;

/**
 * A whole Keyway configuration, resolved for one environment: every {@code {dev:, live:}} value
 * picked and every {@code ${...}} reference replaced.
 */
public record KeywayConfig(
    Environment environment,
    boolean strictEnvironments,
    Map<String, CollectionConfig> collections) {

  public KeywayConfig {
    Objects.requireNonNull(environment, "environment");
    collections = Map.copyOf(collections);
  }
}
