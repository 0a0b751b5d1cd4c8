package dev.keyway.server.internal.http;

import dev.keyway.core.CallRejectedException;
import dev.keyway.core.ConnectionRequiredException;
import dev.keyway.core.Keyway;
import dev.keyway.core.UnknownCallException;
import dev.keyway.core.UpstreamException;
import dev.keyway.core.log.KeywayLoggers;
import dev.keyway.server.internal.auth.CallerAuthenticator;
import dev.keyway.server.internal.auth.PublicRateLimiter;
import dev.keyway.server.internal.metrics.GatewayMetrics;
import dev.keyway.server.internal.settings.GatewaySettings;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The gateway's request handler: routes {@code /v1/calls/{collection}/{call}}, turns every failure
 * into a problem answer (or, once the upstream's answer has started, a cut connection), and writes
 * one log line and one metric per request. Log lines hold the correlation id, the method, the
 * configured collection and call, the caller id, the status and the time: never a header value, a
 * query, a body or anything else the caller wrote.
 */
public final class GatewayHandler
    implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  private static final Logger ACCESS = KeywayLoggers.getLogger("dev.keyway.server.access");
  private static final Logger LOG = KeywayLoggers.getLogger(GatewayHandler.class);
  private static final Pattern CALL_PATH =
      Pattern.compile("/v1/calls/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)/?");

  private final CallHandler calls;
  private final Preflight preflight;
  private final GatewayMetrics metrics;
  private final ConnectHandler connect;

  /**
   * Creates the handler; {@code publicUrl} gives the gateway's external base URL (for the OAuth
   * redirect URIs) once it listens.
   */
  public GatewayHandler(
      Keyway keyway,
      GatewaySettings settings,
      GatewayMetrics metrics,
      Clock clock,
      Supplier<URI> publicUrl) {
    CallCatalog catalog = new CallCatalog(keyway.config());
    CorsPolicy cors = new CorsPolicy(settings.callers());
    CallerAuthenticator authenticator = new CallerAuthenticator(settings.callers(), clock);
    this.metrics = metrics;
    this.connect = new ConnectHandler(keyway, authenticator, publicUrl);
    this.preflight = new Preflight(cors, catalog);
    this.calls =
        new CallHandler(
            catalog,
            authenticator,
            new PublicRateLimiter(settings.server().publicRateLimit(), clock),
            cors,
            new UpstreamForwarder(
                keyway,
                new ResponseHeaderFilter(keyway.config()),
                metrics,
                settings.server().limits().responseBodyBytes()),
            metrics,
            settings.server().limits().requestBodyBytes());
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    CallContext context =
        new CallContext(
            CorrelationIds.of(request.requestHeaders().get(CorrelationIds.HEADER)),
            request.method().name());
    context.baseHeader("Vary", "Origin");
    // Answers are data for scripts, never pages: an upstream's HTML cannot run on this origin.
    context.baseHeader("X-Content-Type-Options", "nosniff");
    context.baseHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.header(CorrelationIds.HEADER, context.correlationId());
    return Mono.defer(() -> route(request, response, context))
        .onErrorResume(error -> fail(response, context, error))
        .takeUntilOther(CallerDisconnect.of(response))
        .doFinally(signal -> finish(context, signal));
  }

  private Mono<Void> route(
      HttpServerRequest request, HttpServerResponse response, CallContext context) {
    if (ConnectHandler.handles(request.fullPath())) {
      return connect.handle(request, response, context);
    }
    Matcher path = CALL_PATH.matcher(request.fullPath());
    if (!path.matches()) {
      throw new ProblemException(Problems.noEndpoint());
    }
    String collection = path.group(1);
    String call = path.group(2);
    return switch (request.method().name()) {
      case "GET", "POST" -> calls.handle(request, response, context, collection, call);
      case "OPTIONS" -> preflight.handle(request, response, context, collection, call);
      default -> throw new ProblemException(Problems.methodNotAllowed());
    };
  }

  private Mono<Void> fail(HttpServerResponse response, CallContext context, Throwable error) {
    if (error instanceof AbortedException) {
      // The caller's connection is gone (it left, or a shutdown deadline closed it).
      return Mono.empty();
    }
    Problem problem = problem(context, error);
    if (response.hasSentHeaders()) {
      LOG.warn(
          "{} {}.{}: the answer was cut after it started: {}",
          context.correlationId(),
          context.collection(),
          context.call(),
          problem.title());
      // The status line is gone: only closing the connection tells the caller the body is short.
      return response.withConnection(connection -> connection.channel().close()).then();
    }
    return ProblemResponse.send(response, context, problem);
  }

  private Problem problem(CallContext context, Throwable error) {
    if (error instanceof ProblemException problem) {
      return problem.problem();
    }
    if (error instanceof CallRejectedException rejected) {
      return Problems.badParameters(rejected.problems());
    }
    if (error instanceof ConnectionRequiredException required) {
      return Problems.connectionRequired(
          required.collection(), required.getMessage(), connect.connectUrl(required.collection()));
    }
    if (error instanceof UnknownCallException) {
      return Problems.unknownCall(context.collection(), context.call());
    }
    if (error instanceof ReadTimeoutException) {
      return Problems.requestTimeout();
    }
    if (error instanceof UpstreamException upstream) {
      // The message names the collection and call and what failed, never a URL or a value.
      LOG.warn("{} {}", context.correlationId(), upstream.getMessage());
      return Problems.upstream(upstream);
    }
    // Name the exception types only: a message may quote something the caller sent.
    LOG.error(
        "{} {}.{}: unexpected failure: {}",
        context.correlationId(),
        context.collection(),
        context.call(),
        causes(error));
    return Problems.internal();
  }

  private static String causes(Throwable error) {
    List<String> names = new ArrayList<>();
    for (Throwable cause = error; cause != null && names.size() < 8; cause = cause.getCause()) {
      StackTraceElement[] frames = cause.getStackTrace();
      names.add(cause.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]));
    }
    return String.join(" <- ", names);
  }

  private void finish(CallContext context, SignalType signal) {
    int status = context.status();
    metrics.call(context.collection(), context.call(), status);
    ACCESS.info(
        "{} {} {}.{} {} {} ms caller={}",
        context.correlationId(),
        context.method(),
        context.collection(),
        context.call(),
        status == 0 ? "cancelled (" + signal + ")" : Integer.toString(status),
        (System.nanoTime() - context.startNanos()) / 1_000_000,
        context.caller());
  }
}
