package dev.keyway.examples;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.SecretSource;
import java.nio.file.Path;
import java.util.Map;

/** The embedding example of the root README, compiled and tested. */
public final class QuickStart {

  private QuickStart() {}

  /** Calls {@code weather.current} for Oslo with the configuration in {@code args[0]}. */
  public static void main(String[] args) {
    System.out.println(run(Path.of(args[0]), System.getenv("WEATHER_KEY")));
  }

  static String run(Path configFile, String weatherKey) {
    // README:begin
    try (Keyway keyway =
        Keyway.builder()
            .configFile(configFile) // keyway.yaml: collections, calls, auth
            .secrets(SecretSource.of(Map.of("weather", weatherKey))) // ${secret:weather}
            .build()) {
      ApiResponse response =
          keyway.call("weather", "current", Map.of("city", "Oslo")).toCompletableFuture().join();
      return response.status() + " " + response.bodyText();
    }
    // README:end
  }
}
