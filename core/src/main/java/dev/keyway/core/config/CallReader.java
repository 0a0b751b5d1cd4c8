package dev.keyway.core.config;

import dev.keyway.spi.Headers;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads one call of a collection: method, path, query, headers, body, params and public. */
final class CallReader {

  private CallReader() {}

  /** Returns call {@code id}, or empty when it has a problem (recorded with its path). */
  static Optional<CallConfig> read(String id, Section call) {
    int mark = call.problemCount();
    String method = method(call);
    Optional<String> path = call.requiredText("path");
    if (path.isPresent() && !path.get().startsWith("/")) {
      call.problems().add(call.path("path"), "must start with /");
    }
    Optional<Map<String, String>> query = NamedValues.query(call);
    Optional<Map<String, String>> headers = NamedValues.headers(call);
    Optional<BodyConfig> body = BodyReader.read(call);
    Optional<Map<String, ParamConfig>> params = ParamReader.readAll(call);
    boolean isPublic = call.flag("public").orElse(false);
    boolean check = call.flag("check").orElse(false);
    call.rejectUnknownKeys();
    if (call.problemCount() > mark) {
      return Optional.empty();
    }
    return Optional.of(
        new CallConfig(
            id,
            method,
            path.orElseThrow(),
            query.orElseThrow(),
            headers.orElseThrow(),
            body.orElseThrow(),
            params.orElseThrow(),
            isPublic,
            check));
  }

  private static String method(Section call) {
    String method = call.text("method").orElse("GET");
    if (!Headers.isValidName(method)) {
      call.problems().add(call.path("method"), "expected an HTTP method such as GET or POST");
    }
    return method.toUpperCase(Locale.ROOT);
  }
}
