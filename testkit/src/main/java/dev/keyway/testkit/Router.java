package dev.keyway.testkit;

import java.util.List;

/** Picks the {@link Route} whose prefix holds a request's path; 404 when none does. */
final class Router {

  private final List<Route> routes;

  Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Returns the answer of the route serving {@code request}'s path, which arrived over HTTP. */
  Reply answer(RecordedRequest request) {
    return answer(request, "http");
  }

  /**
   * Returns the answer of the route serving {@code request}'s path, which arrived over {@code
   * scheme} ({@code http} or {@code https}).
   */
  Reply answer(RecordedRequest request, String scheme) {
    String path = request.rawPath();
    for (Route route : routes) {
      String prefix = route.prefix();
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return route.answer(request, scheme);
      }
    }
    return Reply.notFound();
  }
}
