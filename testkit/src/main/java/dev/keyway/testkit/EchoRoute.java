package dev.keyway.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers with what it received, without checking credentials: the method, the raw path, the
 * decoded query, the header fields by lower-case name, and the body as text.
 */
final class EchoRoute implements Route {

  @Override
  public String prefix() {
    return "/echo";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : request.headers().names()) {
      headers.put(name, request.headers().all(name));
    }
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("method", request.method());
    echo.put("path", request.rawPath());
    echo.put("query", request.query());
    echo.put("headers", headers);
    echo.put("body", request.bodyText());
    return Reply.json(200, echo);
  }
}
