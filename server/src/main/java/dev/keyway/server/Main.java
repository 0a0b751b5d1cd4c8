package dev.keyway.server;

import dev.keyway.core.log.KeywayLoggers;
import dev.keyway.server.internal.cli.KeywayCli;
import dev.keyway.server.internal.cli.StopSignal;
import dev.keyway.server.internal.cli.Terminal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import reactor.core.publisher.Hooks;

/** The {@code keyway} command: {@code serve}, {@code call}, {@code demo}, {@code hash-key}. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // An error that arrives after its request ended (a connection both timed out and closed) is
    // of no use to anyone; Reactor would print it at ERROR.
    Hooks.onErrorDropped(
        error ->
            KeywayLoggers.getLogger(Main.class)
                .debug("dropped after its request ended: {}", error.getClass().getName()));
    Charset charset = Charset.defaultCharset();
    Terminal terminal =
        new Terminal(
            new PrintWriter(System.out, true, charset),
            new PrintWriter(System.err, true, charset),
            new BufferedReader(new InputStreamReader(System.in, charset)),
            System::getenv,
            StopSignal.SHUTDOWN_HOOK);
    System.exit(KeywayCli.execute(args, terminal));
  }
}
