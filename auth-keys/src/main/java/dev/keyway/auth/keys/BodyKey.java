package dev.keyway.auth.keys;

import dev.keyway.api.Secret;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.Body;
import dev.keyway.spi.JsonString;
import dev.keyway.spi.OutboundRequest;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Adds the key as one field of a JSON object or form body, or sends it as a JSON object when a
 * {@code POST}, {@code PUT} or {@code PATCH} has no body. Fails the request, before it is sent, for
 * any other body. Immutable and thread-safe; neither {@link #toString()} nor an error message shows
 * the key.
 */
final class BodyKey implements AuthMethod {

  private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final String path;
  private final String name;

  // Revealed once here rather than per request: apply() is on the hot path. Never shown.
  private final String value;

  private final Body onlyTheKey;

  BodyKey(String path, String name, Secret key) {
    this.path = path;
    this.name = name;
    this.value = key.reveal();
    this.onlyTheKey = Body.json("{" + JsonString.quote(name) + ":" + JsonString.quote(value) + "}");
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    Body body = request.body();
    return switch (body.kind()) {
      case JSON, FORM -> withField(request, body);
      case NONE ->
          METHODS_WITH_BODY.contains(request.method())
              ? CompletableFuture.completedFuture(request.withBody(onlyTheKey))
              : refuse(
                  "this "
                      + request.method()
                      + " request has no body; give the call a JSON object or form body, or use"
                      + " header-key or query-key");
      case RAW -> refuse("a raw body has no fields; make the call's body a JSON object or a form");
    };
  }

  private CompletionStage<OutboundRequest> withField(OutboundRequest request, Body body) {
    try {
      return CompletableFuture.completedFuture(request.withBody(body.withField(name, value)));
    } catch (IllegalStateException notAnObject) {
      return refuse("the call's JSON body is not an object; make its template a JSON object");
    }
  }

  private CompletionStage<OutboundRequest> refuse(String reason) {
    return CompletableFuture.failedFuture(
        new IllegalStateException(
            path + ": body-key cannot add field '" + name + "' to this request: " + reason));
  }

  @Override
  public String toString() {
    return "body-key[" + name + "]";
  }
}
