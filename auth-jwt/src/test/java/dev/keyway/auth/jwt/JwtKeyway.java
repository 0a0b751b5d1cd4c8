package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.Sandbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds Keyway instances whose collection {@code api} calls the sandbox's /jwt realm. */
final class JwtKeyway implements AutoCloseable {

  private final Sandbox sandbox;
  private final Clock clock;
  private final List<Keyway> built = new ArrayList<>();

  JwtKeyway(Sandbox sandbox, Clock clock) {
    this.sandbox = sandbox;
    this.clock = clock;
  }

  /** Builds Keyway with collection {@code api} using {@code auth}. */
  Keyway build(Map<String, Object> auth) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", sandbox.baseUrl().toString());
    collection.put("auth", auth);
    collection.put("calls", Map.of("get", Map.of("path", "/jwt/things")));
    Keyway keyway =
        Keyway.builder()
            .configTree(Map.of("environment", "dev", "collections", Map.of("api", collection)))
            .clock(clock)
            .build();
    built.add(keyway);
    return keyway;
  }

  /** Returns every problem building Keyway with {@code auth} reports. */
  List<String> problems(Map<String, Object> auth) {
    try {
      build(auth);
    } catch (InvalidConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("the configuration was accepted");
  }

  static ApiResponse call(Keyway keyway) {
    return keyway.call("api", "get", Map.of()).toCompletableFuture().join();
  }

  @Override
  public void close() {
    built.forEach(Keyway::close);
  }
}
