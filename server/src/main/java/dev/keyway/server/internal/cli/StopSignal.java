package dev.keyway.server.internal.cli;

/**
 * Runs an action when the process is asked to stop. In the {@code keyway} process that is a JVM
 * shutdown hook (SIGTERM, SIGINT / Ctrl-C); tests pass one they trigger themselves.
 */
@FunctionalInterface
public interface StopSignal {

  /** Stops the process through JVM shutdown hooks. */
  StopSignal SHUTDOWN_HOOK =
      action -> Runtime.getRuntime().addShutdownHook(new Thread(action, "keyway-shutdown"));

  /** Runs {@code action} once, when a stop is asked for. */
  void onStop(Runnable action);
}
