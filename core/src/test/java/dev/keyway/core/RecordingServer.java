package dev.keyway.core;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback HTTP server for core's own tests: it records every request and answers with what the
 * test's function returns (the testkit sandbox cannot be used here: it depends on core).
 */
final class RecordingServer implements AutoCloseable {

  /** What arrived. */
  record Received(String method, String uri, Map<String, String> headers, String body) {}

  /** What to answer: status, headers, body, and an optional delay before answering. */
  record Answer(int status, Map<String, String> headers, String body, Duration delay) {
    static Answer ok(String body) {
      return new Answer(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
    }

    static Answer status(int status) {
      return new Answer(status, Map.of(), "{\"status\":" + status + "}", Duration.ZERO);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final DisposableServer server;

  RecordingServer(Function<Received, Answer> answers) {
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    request
                        .receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(
                            body -> {
                              Map<String, String> headers = new java.util.LinkedHashMap<>();
                              request
                                  .requestHeaders()
                                  .forEach(
                                      h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                              Received got =
                                  new Received(
                                      request.method().name(), request.uri(), headers, body);
                              received.add(got);
                              Answer answer = answers.apply(got);
                              answer.headers().forEach(response::header);
                              return Mono.delay(answer.delay())
                                  .then(
                                      response
                                          .status(HttpResponseStatus.valueOf(answer.status()))
                                          .sendString(Mono.just(answer.body()))
                                          .then());
                            }))
            .bindNow();
  }

  static RecordingServer answering(Answer answer) {
    return new RecordingServer(request -> answer);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
