package dev.keyway.server.internal.cli;

import dev.keyway.core.Keyway;
import dev.keyway.server.Gateway;
import dev.keyway.server.internal.settings.GatewaySettingsReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the gateway until it is stopped.",
      "",
      "SIGTERM or Ctrl-C stops it: new connections are refused and calls in flight finish"
          + " within server.shutdownTimeout (30s).",
      "",
      "A $${secret:NAME} reference is read from the environment variable KEYWAY_SECRET_NAME"
          + " (upper case, other characters as _); KEYWAY_SECRET_LIVE_NAME or"
          + " KEYWAY_SECRET_DEV_NAME wins in its environment."
    })
final class ServeCommand implements Callable<Integer>, LoadsConfig {

  private final Terminal terminal;

  @Mixin ConfigOptions config;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "The address to listen on; overrides server.host (default 0.0.0.0).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port to listen on (0: any free port); overrides server.port (8080).")
  Integer port;

  @Option(
      names = "--admin-port",
      paramLabel = "N",
      description =
          "The port of /health, /ready and /metrics on 127.0.0.1; overrides server.admin.port"
              + " (9090).")
  Integer adminPort;

  ServeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Path configFile() {
    return config.file;
  }

  @Override
  public Integer call() throws InterruptedException {
    Keyway keyway = config.keyway(terminal);
    Gateway gateway;
    try {
      Gateway.Builder builder = Gateway.builder(keyway);
      if (host != null) {
        builder.host(host);
      }
      if (port != null) {
        builder.port(port);
      }
      if (adminPort != null) {
        builder.adminPort(adminPort);
      }
      gateway = builder.start();
    } catch (RuntimeException e) {
      keyway.close();
      throw e;
    }
    terminal
        .stopSignal()
        .onStop(
            () -> {
              gateway.stop();
              keyway.close();
            });
    int callers = GatewaySettingsReader.read(keyway.config()).callers().size();
    PrintWriter out = terminal.out();
    out.println(
        "keyway: serving "
            + keyway.config().collections().size()
            + " collections to "
            + callers
            + " callers, environment "
            + keyway.environment().configName());
    out.println("  calls:  POST " + gateway.baseUrl() + "/v1/calls/{collection}/{call}");
    out.println("  admin:  " + gateway.adminUrl() + "/health  /ready  /metrics");
    if (callers == 0) {
      out.println("  note:   no callers are configured, so only calls marked public: true run");
    }
    out.println("Stop with Ctrl-C.");
    out.flush();
    gateway.awaitStop();
    return 0;
  }
}
