package dev.keyway.server;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A loopback upstream that holds every answer until the test opens its gate. */
final class GatedUpstream implements AutoCloseable {

  private final Sinks.Empty<Void> gate = Sinks.empty();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private final DisposableServer server =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .handle(
              (request, response) -> {
                arrived.countDown();
                request.withConnection(connection -> connection.onDispose(disconnected::countDown));
                return gate.asMono()
                    .then(
                        response
                            .header("Content-Type", "text/plain")
                            .sendString(Mono.just("done"))
                            .then());
              })
          .bindNow();

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Waits until a request has arrived. */
  void awaitRequest() throws InterruptedException {
    if (!arrived.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no request reached the gated upstream");
    }
  }

  /** Waits until the connection of a held request was closed by the gateway. */
  void awaitDisconnect() throws InterruptedException {
    if (!disconnected.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the gateway kept its upstream request open");
    }
  }

  /** Lets every held answer go. */
  void open() {
    gate.tryEmitEmpty();
  }

  @Override
  public void close() {
    open();
    server.disposeNow(Duration.ofSeconds(5));
  }
}
