package dev.keyway.server.internal.cli;

import dev.keyway.core.Keyway;
import dev.keyway.core.connect.ConnectOutcome;
import dev.keyway.core.connect.ConnectStateException;
import dev.keyway.core.connect.ConnectionInfo;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * {@code keyway connect COLLECTION --user ID}: runs the authorization-code flow for a user at this
 * terminal, the way desktop command-line tools do: it listens on a loopback port for the provider's
 * redirect ({@code http://127.0.0.1:PORT/oauth/callback}, which the provider must accept), prints
 * the login URL to open, waits for the callback, and stores the connection in the configuration's
 * token store.
 */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = {
      "Connects an end user's account to a collection through a loopback redirect.",
      "",
      "Prints the provider's login URL; open it in a browser and approve. The provider calls back"
          + " on http://127.0.0.1:PORT/oauth/callback; register that redirect URI with the"
          + " provider. Exits with 1 unless the user connected."
    })
final class ConnectCommand implements Callable<Integer>, LoadsConfig {

  private final Terminal terminal;

  @Mixin ConfigOptions config;

  @Parameters(index = "0", paramLabel = "COLLECTION", description = "The collection's id.")
  String collection;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "ID",
      description = "The application's id of the end user who connects.")
  String user;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The loopback port to listen on for the callback (default: any free port).")
  int port;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "How long to wait for the callback, e.g. 5m (default) or 90s.")
  String timeout = "5m";

  ConnectCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Path configFile() {
    return config.file;
  }

  @Override
  public Integer call() throws InterruptedException {
    Duration wait =
        dev.keyway.api.ConfigProblems.parseDuration(timeout)
            .orElseThrow(() -> new UsageProblem("--timeout: expected e.g. 5m or 90s"));
    PrintWriter out = terminal.out();
    try (Keyway keyway = config.keyway(terminal)) {
      if (!keyway.connections().connects(collection)) {
        throw new UsageProblem(
            "collection " + collection + " does not connect end users (oauth2-authorization-code)");
      }
      CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
      DisposableServer server =
          HttpServer.create()
              .host("127.0.0.1")
              .port(port)
              .route(
                  routes ->
                      routes.get(
                          "/oauth/callback",
                          (request, response) ->
                              Mono.fromCompletionStage(
                                      () ->
                                          keyway
                                              .connections()
                                              .finish(
                                                  query(request.uri()), Optional.of(collection)))
                                  .doOnNext(outcome::complete)
                                  .map(ConnectCommand::page)
                                  .onErrorResume(
                                      ConnectStateException.class,
                                      e ->
                                          Mono.just(
                                              "The sign-in could not be finished: "
                                                  + e.getMessage()))
                                  .flatMap(
                                      text ->
                                          response
                                              .status(HttpResponseStatus.OK)
                                              .header("Content-Type", "text/plain; charset=utf-8")
                                              .header("Cache-Control", "no-store")
                                              .header("Referrer-Policy", "no-referrer")
                                              .sendString(Mono.just(text), StandardCharsets.UTF_8)
                                              .then())))
              .bindNow();
      try {
        String base = "http://127.0.0.1:" + server.port();
        URI login =
            keyway
                .connections()
                .start(
                    collection,
                    user,
                    URI.create(base + "/done"),
                    URI.create(base + "/oauth/callback"));
        out.println("Open this URL in a browser and approve the access:");
        out.println();
        out.println("  " + login);
        out.println();
        out.println(
            "Waiting up to "
                + timeout
                + " for the provider to call back on "
                + base
                + "/oauth/callback ...");
        out.flush();
        ConnectOutcome result = outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (!result.connected()) {
          terminal.err().println("Not connected: " + result.error().orElse("connection_failed"));
          terminal.err().flush();
          return 1;
        }
        Optional<ConnectionInfo> info =
            keyway.connections().connection(collection, user).toCompletableFuture().join();
        out.println(
            "Connected "
                + user
                + " to "
                + collection
                + info.map(
                        c ->
                            " as "
                                + c.providerUserId()
                                + c.email().map(e -> " (" + e + ")").orElse(""))
                    .orElse("")
                + ".");
        out.flush();
        return 0;
      } catch (TimeoutException e) {
        terminal.err().println("No callback within " + timeout + "; nothing was stored.");
        terminal.err().flush();
        return 1;
      } catch (ExecutionException e) {
        terminal.err().println("The connection failed: " + e.getCause().getClass().getSimpleName());
        terminal.err().flush();
        return 1;
      } finally {
        server.disposeNow(Duration.ofSeconds(5));
      }
    }
  }

  private static String page(ConnectOutcome outcome) {
    return outcome.connected()
        ? "Connected. You can close this window and go back to the terminal."
        : "Not connected ("
            + outcome.error().orElse("connection_failed")
            + "). You can close this window.";
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> query = new LinkedHashMap<>();
    new QueryStringDecoder(uri, StandardCharsets.UTF_8)
        .parameters()
        .forEach((name, values) -> query.put(name, values.get(0)));
    return query;
  }
}
