package dev.keyway.server;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A loopback upstream that accepts every request and never answers. */
final class HungUpstream implements AutoCloseable {

  private final AtomicInteger received = new AtomicInteger();
  private final DisposableServer server =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .handle(
              (request, response) -> {
                received.incrementAndGet();
                return Mono.never();
              })
          .bindNow();

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  int received() {
    return received.get();
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
