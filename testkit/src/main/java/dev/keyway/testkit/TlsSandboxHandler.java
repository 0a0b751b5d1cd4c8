package dev.keyway.testkit;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Handles the requests of the sandbox's HTTPS listeners like {@link SandboxHandler} does, and also
 * notes who called ({@link TlsCaller}) and serves {@code /mtls/**}, which needs the TLS session.
 * Requests go to the sandbox's one {@link RequestLog}, so {@link Sandbox#requests()} holds them
 * all.
 */
final class TlsSandboxHandler
    implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  private final Router router;
  private final RequestLog log;
  private final CallerLog callers;
  private final X509Certificate ca;

  TlsSandboxHandler(Router router, RequestLog log, CallerLog callers, X509Certificate ca) {
    this.router = router;
    this.log = log;
    this.callers = callers;
    this.ca = ca;
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    AtomicReference<Connection> connection = new AtomicReference<>();
    request.withConnection(connection::set);
    return request
        .receive()
        .asByteArray()
        .collect(() -> new BodyBuffer(SandboxHandler.MAX_BODY_BYTES), BodyBuffer::append)
        .map(body -> answer(request, connection.get(), body))
        .flatMap(reply -> SandboxHandler.send(reply, response));
  }

  private Reply answer(HttpServerRequest request, Connection connection, BodyBuffer body) {
    RecordedRequest recorded = SandboxHandler.record(request, body.bytes());
    TlsCaller caller = PeerCertificates.caller(connection, recorded.rawPath(), ca);
    callers.add(caller);
    log.add(recorded);
    if (body.overflowed()) {
      return Reply.json(413, Map.of("error", "the body is larger than 1 MiB"));
    }
    return MtlsRoute.serves(recorded.rawPath())
        ? MtlsRoute.answer(caller)
        : router.answer(recorded, "https");
  }
}
