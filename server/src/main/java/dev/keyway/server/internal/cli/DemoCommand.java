package dev.keyway.server.internal.cli;

import dev.keyway.server.internal.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a gateway in front of a fake API, and prints what to try.",
      "",
      "Starts the testkit sandbox (a fake API on 127.0.0.1) and a gateway with an example"
          + " configuration that uses every auth method, prints the URLs, a caller key and curl"
          + " commands to paste, and runs until Ctrl-C."
    })
final class DemoCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The gateway's port (default: any free port).")
  int port;

  @Option(
      names = "--admin-port",
      paramLabel = "N",
      description = "The admin port (default: any free port).")
  int adminPort;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    Demo demo = Demo.start(port, adminPort);
    terminal.stopSignal().onStop(demo::close);
    terminal.out().println(demo.instructions());
    terminal.out().flush();
    demo.awaitStop();
    return 0;
  }
}
