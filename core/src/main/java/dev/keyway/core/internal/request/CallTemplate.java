package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.ParamConfig.Location;
import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import dev.keyway.spi.Headers;
import dev.keyway.spi.OutboundRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured call, compiled: turns a caller's parameters into the outbound request, before any
 * credential is added.
 *
 * <p>A caller may pass only the call's declared, public parameters, as text, numbers or booleans.
 * Each value is written for where it goes — exactly one percent-encoded path segment, a query
 * value, a header value without line breaks, a JSON string that it cannot leave — so no value can
 * change the scheme, host, port or path prefix of the collection's {@code baseUrl}, nor the shape
 * of the request. Every check of the configuration and all parsing happen in {@link #compile}, so
 * {@link #build} only binds and appends.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the call only.
 */
public final class CallTemplate {

  private final String collectionId;
  private final String callId;
  private final String method;
  private final URI origin;
  private final ParamSet params;
  private final PathTemplate path;
  private final List<FormField> query;
  private final EffectiveParam[] queryParams;
  private final Headers headers;
  private final EffectiveParam[] headerParams;
  private final BodyTemplate body;

  private CallTemplate(
      String collectionId,
      String callId,
      String method,
      URI origin,
      ParamSet params,
      PathTemplate path,
      List<FormField> query,
      Headers headers,
      BodyTemplate body) {
    this.collectionId = collectionId;
    this.callId = callId;
    this.method = method;
    this.origin = origin;
    this.params = params;
    this.path = path;
    this.query = query;
    this.queryParams = params.in(Location.QUERY).toArray(EffectiveParam[]::new);
    this.headers = headers;
    this.headerParams = params.in(Location.HEADER).toArray(EffectiveParam[]::new);
    this.body = body;
  }

  /**
   * Checks {@code call} against its {@code collection} and compiles it.
   *
   * @throws InvalidConfigException listing every problem, each with its config path, e.g. {@code
   *     collections.weather.calls.current.path: [town] is not a declared parameter: ...}
   */
  public static CallTemplate compile(CollectionConfig collection, CallConfig call) {
    ConfigProblems problems = new ConfigProblems();
    String callPath = collection.path() + ".calls." + call.id();
    if (!Headers.isValidName(call.method())) {
      problems.add(callPath + ".method", "expected an HTTP method such as GET or POST");
    }
    BaseUrl baseUrl =
        BaseUrl.compile(collection.baseUrl(), collection.path() + ".baseUrl", problems);
    ParamSet params = ParamSet.compile(collection, call, problems);
    PathTemplate path =
        PathTemplate.compile(
            baseUrl == null ? "" : baseUrl.prefix(),
            call.path(),
            callPath + ".path",
            call.id(),
            params,
            problems);
    Headers headers = Headers.empty();
    headers = withHeaders(headers, collection.headers(), collection.path() + ".headers", problems);
    headers = withHeaders(headers, call.headers(), callPath + ".headers", problems);
    List<FormField> query =
        call.query().entrySet().stream()
            .map(entry -> new FormField(entry.getKey(), entry.getValue()))
            .toList();
    BodyTemplate body = BodyTemplate.compile(call.body(), params, callPath, call.id(), problems);
    problems.throwIfAny();
    return new CallTemplate(
        collection.id(),
        call.id(),
        call.method(),
        baseUrl.origin(),
        params,
        path,
        query,
        headers,
        body);
  }

  /** Adds configured headers, replacing earlier ones of the same name; records invalid ones. */
  private static Headers withHeaders(
      Headers headers, Map<String, String> fields, String path, ConfigProblems problems) {
    Headers result = headers;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      if (!Headers.isValidName(name)) {
        problems.add(
            path + "." + name, "not a valid header name (letters, digits and !#$%&'*+-.^_`|~)");
      } else if (ReservedHeaders.contains(name)) {
        problems.add(path + "." + name, ReservedHeaders.MESSAGE);
      } else if (!Headers.isValidValue(field.getValue())) {
        // Never quote the value: a configured header may carry a credential.
        problems.add(path + "." + name, ParamSet.HEADER_VALUE);
      } else {
        result = result.with(name, field.getValue());
      }
    }
    return result;
  }

  /**
   * Binds a caller's {@code params} (values {@code String}, {@code Number}, {@code Boolean}, or
   * {@code null} for absent) and builds the request, without credentials, made on behalf of {@code
   * user} if one is given.
   *
   * @throws CallRejectedException listing every problem with the parameters; nothing is sent
   */
  public OutboundRequest build(Map<String, ?> params, Optional<String> user) {
    Objects.requireNonNull(user, "user");
    BoundParams bound = this.params.bind(params);
    OutboundRequest request = OutboundRequest.create(method, origin, path.render(bound));
    for (FormField field : query) {
      request = request.withQueryParameter(field.name(), field.value());
    }
    for (EffectiveParam param : queryParams) {
      String value = bound.text(param.index());
      if (value != null) {
        request = request.withQueryParameter(param.name(), value);
      }
    }
    Headers fields = headers;
    for (EffectiveParam param : headerParams) {
      String value = bound.text(param.index());
      if (value != null) {
        fields = fields.with(param.name(), value);
      }
    }
    if (!fields.entries().isEmpty()) {
      request = request.withHeaders(fields);
    }
    Body content = body.render(bound);
    if (content.kind() != Body.Kind.NONE) {
      request = request.withBody(content);
    }
    return user.isPresent() ? request.withUser(user.get()) : request;
  }

  /** Returns the id of the collection this call belongs to. */
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
