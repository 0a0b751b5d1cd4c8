package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.ParamConfig;
import dev.keyway.spi.Headers;
import dev.keyway.spi.OutboundRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call compiled once from its configuration, turning a caller's parameters into an outbound
 * request without credentials.
 *
 * <p>Callers may pass only the call's declared, non-private parameters. Each value is encoded for
 * where it goes — one percent-encoded path segment, a query value, a header value without line
 * breaks, a JSON string — so it can change neither the host nor the shape of the request. The
 * origin and the base path prefix come from the collection's {@code baseUrl} alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallTemplate {

  private final String collectionId;
  private final String callId;
  private final String method;
  private final URI origin;
  private final PathTemplate path;
  private final Map<String, ParamConfig> params;
  private final Map<String, String> query;
  private final Headers headers;
  private final BodyTemplate body;

  private CallTemplate(
      CollectionConfig collection,
      CallConfig call,
      URI origin,
      PathTemplate path,
      Map<String, ParamConfig> params,
      Headers headers,
      BodyTemplate body) {
    this.collectionId = collection.id();
    this.callId = call.id();
    this.method = call.method();
    this.origin = origin;
    this.path = path;
    this.params = params;
    this.query = call.query();
    this.headers = headers;
    this.body = body;
  }

  /**
   * Validates {@code call} against its collection and compiles it.
   *
   * @throws dev.keyway.api.InvalidConfigException listing every problem with its config path
   */
  public static CallTemplate compile(CollectionConfig collection, CallConfig call) {
    ConfigProblems problems = new ConfigProblems();
    String at = collection.path() + ".calls." + call.id();
    Map<String, ParamConfig> params = new LinkedHashMap<>(collection.params());
    params.putAll(call.params());
    URI base = collection.baseUrl();
    URI origin = URI.create(base.getScheme() + "://" + base.getRawAuthority());
    String prefix = base.getRawPath() == null ? "" : base.getRawPath();
    PathTemplate path = PathTemplate.parse(prefix, call.path(), at + ".path", problems);
    if (path != null) {
      checkPathParams(path, params, at, problems);
    }
    Headers headers = staticHeaders(collection, call, at, problems);
    List<String> bodyParams = new ArrayList<>();
    params.forEach(
        (name, param) -> {
          if (param.in() == ParamConfig.Location.BODY) {
            bodyParams.add(name);
          }
          if (param.in() == ParamConfig.Location.HEADER && !Headers.isValidName(name)) {
            problems.add(at + ".params." + name, "in: header, but not a valid header name");
          }
        });
    BodyTemplate body = BodyTemplate.compile(call.body(), bodyParams, at, problems);
    problems.throwIfAny();
    return new CallTemplate(
        collection,
        call,
        origin,
        path,
        java.util.Collections.unmodifiableMap(params),
        headers,
        body);
  }

  private static void checkPathParams(
      PathTemplate path, Map<String, ParamConfig> params, String at, ConfigProblems problems) {
    for (String name : path.names()) {
      ParamConfig param = params.get(name);
      if (param == null || param.in() != ParamConfig.Location.PATH) {
        problems.add(at + ".path", "[" + name + "] is not declared as a parameter with in: path");
      }
    }
    params.forEach(
        (name, param) -> {
          if (param.in() == ParamConfig.Location.PATH && !path.names().contains(name)) {
            problems.add(at + ".params." + name, "in: path, but the path has no [" + name + "]");
          }
        });
  }

  private static Headers staticHeaders(
      CollectionConfig collection, CallConfig call, String at, ConfigProblems problems) {
    Headers headers = Headers.empty();
    Map<String, String> all = new LinkedHashMap<>(collection.headers());
    all.putAll(call.headers());
    for (Map.Entry<String, String> header : all.entrySet()) {
      if (Headers.isValidName(header.getKey()) && Headers.isValidValue(header.getValue())) {
        headers = headers.with(header.getKey(), header.getValue());
      } else {
        problems.add(
            at + ".headers." + header.getKey(),
            "not a valid header name, or the value has a line break or control character");
      }
    }
    return headers;
  }

  /**
   * Binds {@code callerParams} and builds the request, without credentials.
   *
   * @throws CallRejectedException listing every problem, each naming a parameter; nothing is sent
   */
  public OutboundRequest build(Map<String, ?> callerParams, Optional<String> user) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Map.Entry<String, ?> given : callerParams.entrySet()) {
      String name = given.getKey();
      ParamConfig param = params.get(name);
      if (param == null) {
        problems.add(problem(name, "not a parameter of " + collectionId + "." + callId));
      } else if (param.isPrivate()) {
        problems.add(problem(name, "private; its value comes from configuration"));
      } else if (given.getValue() != null) {
        String refusal = ParamValue.refusal(given.getValue());
        if (refusal != null) {
          problems.add(problem(name, refusal));
        }
      }
    }
    Map<String, Object> values = bind(callerParams, problems);
    if (!problems.isEmpty()) {
      throw new CallRejectedException(problems);
    }
    OutboundRequest request =
        OutboundRequest.create(method, origin, path.expand(textValues(values)))
            .withHeaders(headers)
            .withBody(body.build(values));
    for (Map.Entry<String, String> fixed : query.entrySet()) {
      request = request.withQueryParameter(fixed.getKey(), fixed.getValue());
    }
    for (Map.Entry<String, ParamConfig> param : params.entrySet()) {
      Object value = values.get(param.getKey());
      if (value == null) {
        continue;
      }
      if (param.getValue().in() == ParamConfig.Location.QUERY) {
        request = request.withQueryParameter(param.getKey(), ParamValue.text(value));
      } else if (param.getValue().in() == ParamConfig.Location.HEADER) {
        request = request.withHeader(param.getKey(), ParamValue.text(value));
      }
    }
    return user.map(request::withUser).orElse(request);
  }

  private Map<String, Object> bind(Map<String, ?> callerParams, List<ConfigProblem> problems) {
    Map<String, Object> values = new HashMap<>(params.size() * 2);
    for (Map.Entry<String, ParamConfig> entry : params.entrySet()) {
      String name = entry.getKey();
      ParamConfig param = entry.getValue();
      Object value =
          param.isPrivate()
              ? param.value().orElse(null)
              : Optional.<Object>ofNullable(callerParams.get(name))
                  .or(() -> param.defaultValue().map(text -> (Object) text))
                  .orElse(null);
      if (value == null) {
        if (param.required() || param.in() == ParamConfig.Location.PATH) {
          problems.add(problem(name, "required"));
        }
        continue;
      }
      if (ParamValue.refusal(value) != null) {
        continue; // already reported
      }
      String refusal = placementRefusal(param, ParamValue.text(value));
      if (refusal != null) {
        problems.add(problem(name, refusal));
        continue;
      }
      values.put(name, value);
    }
    return values;
  }

  private static String placementRefusal(ParamConfig param, String text) {
    return switch (param.in()) {
      case PATH -> PathSegment.refusal(text);
      case HEADER ->
          Headers.isValidValue(text)
              ? null
              : "a header value cannot contain line breaks or control characters";
      default -> null;
    };
  }

  private static Map<String, String> textValues(Map<String, Object> values) {
    Map<String, String> text = new HashMap<>(values.size() * 2);
    values.forEach((name, value) -> text.put(name, ParamValue.text(value)));
    return text;
  }

  private static ConfigProblem problem(String name, String message) {
    return new ConfigProblem("params." + name, message);
  }

  /** Returns the id of the collection. */
  public String collectionId() {
    return collectionId;
  }

  /** Returns the id of the call. */
  public String callId() {
    return callId;
  }

  @Override
  public String toString() {
    return "CallTemplate[" + collectionId + "." + callId + "]";
  }
}
