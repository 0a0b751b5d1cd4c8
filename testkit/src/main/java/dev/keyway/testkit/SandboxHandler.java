package dev.keyway.testkit;

import dev.keyway.spi.Headers;
import java.net.URI;
import java.util.Map;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Handles every request of the {@link Sandbox} on the event loop: reads the body (up to {@link
 * #MAX_BODY_BYTES}), records the request, then sends the answer of the {@link Router}. The request
 * is recorded before the answer leaves, so a client that got its answer always finds its request in
 * {@link Sandbox#requests()}.
 */
final class SandboxHandler
    implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  /** The largest body the sandbox reads: 1 MiB. A longer one is answered with 413. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final Router router;
  private final RequestLog log;

  SandboxHandler(Router router, RequestLog log) {
    this.router = router;
    this.log = log;
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    return request
        .receive()
        .asByteArray()
        .collect(() -> new BodyBuffer(MAX_BODY_BYTES), BodyBuffer::append)
        .map(body -> answer(request, body))
        .flatMap(reply -> send(reply, response));
  }

  private Reply answer(HttpServerRequest request, BodyBuffer body) {
    RecordedRequest recorded = record(request, body.bytes());
    log.add(recorded);
    if (body.overflowed()) {
      return Reply.json(413, Map.of("error", "the body is larger than 1 MiB"));
    }
    return router.answer(recorded, "http");
  }

  static RecordedRequest record(HttpServerRequest request, byte[] body) {
    String target = request.uri();
    if (!target.startsWith("/")) {
      target = originForm(target);
    }
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? "" : target.substring(question + 1);
    Headers headers = Headers.empty();
    for (Map.Entry<String, String> field : request.requestHeaders()) {
      headers = headers.add(field.getKey(), field.getValue());
    }
    return new RecordedRequest(
        request.method().name(), rawPath, rawQuery, QueryString.parse(rawQuery), headers, body);
  }

  /**
   * Returns the path and query of an absolute-form target (RFC 9112 §3.2.2), as sent to a proxy.
   */
  private static String originForm(String target) {
    try {
      URI uri = URI.create(target);
      if (uri.getRawPath() == null) {
        return target;
      }
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException notAUri) {
      return target; // recorded as it arrived; no route serves it
    }
  }

  /** Sends {@code reply}, after its delay if it has one (on a timer, not on the event loop). */
  static Mono<Void> send(Reply reply, HttpServerResponse response) {
    if (reply.delay().isZero()) {
      return sendNow(reply, response);
    }
    return Mono.delay(reply.delay()).then(Mono.defer(() -> sendNow(reply, response)));
  }

  private static Mono<Void> sendNow(Reply reply, HttpServerResponse response) {
    response.status(reply.status());
    reply.headers().forEach(response::header);
    if (reply.body().length == 0) {
      return response.send().then();
    }
    response.header("Content-Type", "application/json");
    response.header("Content-Length", Integer.toString(reply.body().length));
    return response.sendByteArray(Mono.just(reply.body())).then();
  }
}
