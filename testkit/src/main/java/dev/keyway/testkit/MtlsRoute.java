package dev.keyway.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves {@code /mtls/**} on the HTTPS listeners: 200 naming the subject of the client certificate
 * when the test CA issued it, else 401. It is not a {@link Route}, as it needs the TLS connection,
 * not only the request.
 */
final class MtlsRoute {

  static final String PREFIX = "/mtls";

  /** Returns whether this route serves {@code rawPath}. */
  static boolean serves(String rawPath) {
    return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
  }

  /** Returns the answer to a request whose caller is {@code caller}. */
  static Reply answer(TlsCaller caller) {
    if (caller.trusted()) {
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("ok", true);
      ok.put("realm", "mtls");
      ok.put("subject", caller.subject().orElseThrow());
      return Reply.json(200, ok);
    }
    return Reply.json(
        401,
        Map.of("WWW-Authenticate", "ClientCertificate realm=\"sandbox\""),
        Map.of(
            "error",
            "unauthorized",
            "reason",
            caller.subject().isEmpty()
                ? "no client certificate"
                : "the client certificate is not from the sandbox CA"));
  }
}
