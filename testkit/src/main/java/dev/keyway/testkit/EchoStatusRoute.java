package dev.keyway.testkit;

/**
 * Answers {@code /echo-status/{code}/**} like {@code /echo/**}, with what it received, but with
 * status {@code code} (200 to 599): an upstream that fails and quotes the request back, headers and
 * query included, as some error pages do.
 */
final class EchoStatusRoute implements Route {

  private final EchoRoute echo = new EchoRoute();

  @Override
  public String prefix() {
    return "/echo-status";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    String rest = request.rawPath().substring(prefix().length());
    if (!rest.matches("/\\d{3}(/.*)?")) {
      return Reply.notFound();
    }
    int status = Integer.parseInt(rest.substring(1, 4));
    if (status < 200 || status > 599 || status == 204 || status == 304) {
      return Reply.json(
          400,
          java.util.Map.of("error", "the status must be a number from 200 to 599 with a body"));
    }
    Reply echoed = echo.answer(request);
    return new Reply(status, echoed.headers(), echoed.body());
  }
}
