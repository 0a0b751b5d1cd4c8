package dev.keyway.server.internal.http;

import dev.keyway.api.ConfigProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error of the gateway itself, sent as {@code application/problem+json} (RFC 9457). The type is
 * {@code urn:keyway:problem:<slug>}; {@code problems} lists each bad parameter; {@code headers} are
 * sent with it ({@code WWW-Authenticate}, {@code Retry-After}, {@code Allow}). Nothing here may
 * hold a stack trace, a URL query, a header value or a secret: details are written by the gateway.
 */
record Problem(
    String slug,
    String title,
    int status,
    String detail,
    List<ConfigProblem> problems,
    Map<String, String> headers,
    Map<String, String> members) {

  static final String TYPE_PREFIX = "urn:keyway:problem:";

  Problem {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    problems = List.copyOf(problems);
    headers = Map.copyOf(headers);
    members = Map.copyOf(members);
  }

  Problem(String slug, String title, int status, String detail) {
    this(slug, title, status, detail, List.of(), Map.of(), Map.of());
  }

  Problem(
      String slug,
      String title,
      int status,
      String detail,
      List<ConfigProblem> problems,
      Map<String, String> headers) {
    this(slug, title, status, detail, problems, headers, Map.of());
  }

  /** Returns a copy whose document has the extension member {@code name} (RFC 9457 §3.2). */
  Problem withMember(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(members);
    more.put(name, value);
    return new Problem(slug, title, status, detail, problems, headers, more);
  }

  /** Returns a copy that is sent with header {@code name: value}. */
  Problem withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Problem(slug, title, status, detail, problems, more, members);
  }

  /** Returns the JSON members of the problem document for request {@code correlationId}. */
  Map<String, Object> document(String correlationId) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("type", TYPE_PREFIX + slug);
    document.put("title", title);
    document.put("status", status);
    document.put("detail", detail);
    document.put("correlationId", correlationId);
    document.putAll(members);
    if (!problems.isEmpty()) {
      document.put(
          "problems",
          problems.stream()
              .map(
                  problem -> {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("path", problem.path());
                    item.put("detail", problem.message());
                    return item;
                  })
              .toList());
    }
    return document;
  }
}
