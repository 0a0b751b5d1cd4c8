package dev.keyway.testkit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who called one of the sandbox's HTTPS listeners: the raw path of the request, the subject of the
 * client certificate presented in the handshake (empty if none was), and whether that certificate
 * was issued by the sandbox's test CA ({@link SandboxTls#ca()}).
 */
public record TlsCaller(String rawPath, Optional<String> subject, boolean trusted) {

  public TlsCaller {
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(subject, "subject");
  }
}
