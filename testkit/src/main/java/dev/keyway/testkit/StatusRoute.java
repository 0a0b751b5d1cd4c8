package dev.keyway.testkit;

import java.util.Map;

/**
 * Answers {@code /status/{code}} with that status (200 to 599) and a small JSON body; 204 and 304
 * have no body, as HTTP requires.
 */
final class StatusRoute implements Route {

  private static final int LOWEST = 200;
  private static final int HIGHEST = 599;

  @Override
  public String prefix() {
    return "/status";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    String code = request.rawPath().substring(prefix().length());
    if (!code.matches("/\\d{3}")) {
      return code.isEmpty() || code.equals("/") || code.indexOf('/', 1) >= 0
          ? Reply.notFound()
          : badCode();
    }
    int status = Integer.parseInt(code.substring(1));
    if (status < LOWEST || status > HIGHEST) {
      return badCode();
    }
    return status == 204 || status == 304
        ? Reply.empty(status)
        : Reply.json(status, Map.of("status", status));
  }

  private static Reply badCode() {
    return Reply.json(400, Map.of("error", "the status must be a number from 200 to 599"));
  }
}
