package dev.keyway.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends a {@link Problem} as the whole answer, replacing any header field set before (an upstream's
 * fields copied before its body failed), with an exact {@code Content-Length}.
 */
final class ProblemResponse {

  static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponse() {}

  static Mono<Void> send(HttpServerResponse response, CallContext context, Problem problem) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(problem.document(context.correlationId()));
    } catch (JsonProcessingException e) {
      return Mono.error(new IllegalStateException("a problem document could not be written", e));
    }
    context.status(problem.status());
    response.responseHeaders().clear();
    context.writeBaseHeaders(response.responseHeaders());
    problem.headers().forEach(response::header);
    return response
        .status(HttpResponseStatus.valueOf(problem.status()))
        .header("Content-Type", MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .header("Content-Length", Integer.toString(body.length))
        .sendByteArray(Mono.just(body))
        .then();
  }
}
