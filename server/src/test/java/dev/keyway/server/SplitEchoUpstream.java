package dev.keyway.server;

import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback upstream that echoes the {@code X-Api-Key} it received in its body, written as two
 * network chunks split in the middle of the key (the second a little later, so they leave as two
 * writes), and in a {@code Link} header field. It records every key it received.
 */
final class SplitEchoUpstream implements AutoCloseable {

  private final List<String> received = new CopyOnWriteArrayList<>();

  private final DisposableServer server =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .route(
              routes ->
                  routes.get(
                      "/split",
                      (request, response) -> {
                        String key = request.requestHeaders().get("X-Api-Key", "");
                        received.add(key);
                        int half = key.length() / 2;
                        String first = "{\"echo\":\"" + key.substring(0, half);
                        String second = key.substring(half) + "\"}";
                        return response
                            .header("Content-Type", "application/json")
                            .header("Link", "<https://up.example/next?key=" + key + ">")
                            .send(
                                Flux.concat(
                                        Mono.just(first),
                                        Mono.just(second).delayElement(Duration.ofMillis(50)))
                                    .map(
                                        text ->
                                            Unpooled.wrappedBuffer(
                                                text.getBytes(StandardCharsets.UTF_8))),
                                buffer -> true);
                      }))
          .bindNow();

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Returns every {@code X-Api-Key} value received, in order. */
  List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
