package dev.keyway.server.internal.demo;

import java.net.URI;

/** Writes what {@code keyway demo} prints: where things run and commands to paste. */
final class DemoInstructions {

  private final URI gateway;
  private final URI admin;
  private final URI sandbox;

  DemoInstructions(URI gateway, URI admin, URI sandbox) {
    this.gateway = gateway;
    this.admin = admin;
    this.sandbox = sandbox;
  }

  String text(String callerKey, String sessionToken) {
    String calls = gateway + "/v1/calls";
    return String.join(
        "\n",
        "Keyway demo: a gateway in front of the testkit sandbox, a fake API that checks keys.",
        "",
        "  gateway   " + calls + "/{collection}/{call}",
        "  admin     " + admin + "/health  " + admin + "/metrics",
        "  sandbox   " + sandbox + "   (the upstream; its keys stay inside the gateway)",
        "",
        "The demo caller's key, shown once (the gateway keeps only its hash), and a 15-minute",
        "session token for user demo-user of the browser caller:",
        "",
        "  export KEY=" + callerKey,
        "  export TOKEN=" + sessionToken,
        "",
        "One call per auth method; each answers {\"ok\":true,...} from the sandbox:",
        "",
        "  curl -s -X POST " + calls + "/headerKey/things -H \"Authorization: Bearer $KEY\"",
        "  curl -s -X POST " + calls + "/queryKey/things -H \"Authorization: Bearer $KEY\"",
        "  curl -s -X POST " + calls + "/bodyKey/create -H \"Authorization: Bearer $KEY\" \\",
        "       -H 'Content-Type: application/json' -d '{\"note\":\"hello\"}'",
        "  curl -s -X POST " + calls + "/basic/me -H \"Authorization: Bearer $KEY\"",
        "  curl -s -X POST " + calls + "/oauth2/things -H \"Authorization: Bearer $KEY\"",
        "",
        "What the upstream received (no caller key among the headers), and a public call:",
        "",
        "  curl -s \"" + calls + "/echo/show?q=hi\" -H \"Authorization: Bearer $KEY\"",
        "  curl -s " + calls + "/echo/hello",
        "",
        "Refused before anything is sent: a private parameter (400), a call outside the",
        "browser caller's allowlist (403), no credentials (401):",
        "",
        "  curl -s \"" + calls + "/echo/withSecret?token=mine\" -H \"Authorization: Bearer $KEY\"",
        "  curl -s -X POST " + calls + "/basic/me -H \"Authorization: Bearer $TOKEN\"",
        "  curl -s -X POST " + calls + "/headerKey/things",
        "",
        "Stop with Ctrl-C.");
  }
}
