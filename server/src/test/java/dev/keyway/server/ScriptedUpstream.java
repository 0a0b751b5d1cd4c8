package dev.keyway.server;

import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback upstream with answers the sandbox does not give: many header fields (some of which
 * must never reach a caller), large bodies with and without {@code Content-Length}.
 */
final class ScriptedUpstream implements AutoCloseable {

  /** The key of the collection in front of this upstream; it echoes it in a {@code Link}. */
  static final String KEY = "scripted-key-CANARY-77a1";

  static final int BIG = 100 * 1024;

  private final DisposableServer server =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .route(
              routes ->
                  routes
                      .get(
                          "/headers",
                          (request, response) ->
                              response
                                  .status(201)
                                  .header("Content-Type", "application/json")
                                  .header("Set-Cookie", "session=upstream")
                                  .header("X-Internal", "yes")
                                  .header("Server", "upstream/1.0")
                                  .header("ETag", "\"abc\"")
                                  .header("Cache-Control", "no-cache")
                                  .header("Link", "<https://up.example/next?api_key=" + KEY + ">")
                                  .header("RateLimit-Remaining", "9")
                                  .header("X-RateLimit-Limit", "10")
                                  .header("Retry-After", "5")
                                  .header("Keep-Alive", "timeout=5")
                                  .sendString(Mono.just("{\"ok\":true}")))
                      .get(
                          "/big",
                          (request, response) ->
                              response
                                  .header("Content-Type", "text/plain")
                                  .header("Content-Length", Integer.toString(BIG))
                                  .sendByteArray(Mono.just(filled(BIG))))
                      .get(
                          "/stream",
                          (request, response) ->
                              response
                                  .header("Content-Type", "text/plain")
                                  .send(
                                      Flux.range(0, BIG / 4096)
                                          .map(i -> Unpooled.wrappedBuffer(filled(4096)))
                                          .delayElements(Duration.ofMillis(1))))
                      .get(
                          "/chunked",
                          (request, response) ->
                              response
                                  .header("Content-Type", "text/plain")
                                  // A Flux, so Netty chunks it instead of setting a length.
                                  .send(Flux.just(Unpooled.wrappedBuffer(filled(1000))))))
          .bindNow();

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  static String text(int size) {
    return new String(filled(size), StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
