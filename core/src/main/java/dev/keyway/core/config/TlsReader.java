package dev.keyway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a collection's {@code tls} block: {@code clientCertificate} (the settings of the {@code
 * mtls} method, resolved but not validated here) and {@code trustedCertificates} (PEM text, or a
 * list of PEM texts, parsed now).
 */
final class TlsReader {

  private TlsReader() {}

  /** Returns the block, {@link TlsConfig#NONE} when absent, or empty after recording problems. */
  static Optional<TlsConfig> read(Section collection) {
    Lookup<Section> lookup = collection.section("tls");
    if (lookup.state() == Lookup.State.INVALID) {
      return Optional.empty();
    }
    if (lookup.value().isEmpty()) {
      return Optional.of(TlsConfig.NONE);
    }
    Section tls = lookup.value().get();
    int mark = tls.problemCount();
    Optional<AuthConfig> clientCertificate = clientCertificate(tls);
    List<X509Certificate> trusted = trustedCertificates(tls);
    tls.rejectUnknownKeys();
    return tls.problemCount() > mark
        ? Optional.empty()
        : Optional.of(new TlsConfig(clientCertificate, trusted));
  }

  private static Optional<AuthConfig> clientCertificate(Section tls) {
    Lookup<Section> lookup = tls.section("clientCertificate");
    if (lookup.value().isEmpty()) {
      return Optional.empty();
    }
    Section block = lookup.value().get();
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String name : block.keys()) {
      AuthReader.setting(block.raw(name), block.path(name), block.values())
          .value()
          .ifPresent(value -> settings.put(name, value));
    }
    return Optional.of(new AuthConfig(TlsConfig.CLIENT_CERTIFICATE_TYPE, settings));
  }

  private static List<X509Certificate> trustedCertificates(Section tls) {
    String path = tls.path("trustedCertificates");
    JsonNode node = tls.raw("trustedCertificates");
    if (node == null || node.isNull()) {
      return List.of();
    }
    Object value = AuthReader.setting(node, path, tls.values()).value().orElse(null);
    List<String> texts = new ArrayList<>();
    if (value instanceof String text) {
      texts.add(text);
    } else if (value instanceof List<?> list) {
      list.forEach(item -> texts.add((String) item));
    } else if (value != null) {
      tls.problems().add(path, "expected PEM text, or a list of PEM texts");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String itemPath = value instanceof List<?> ? path + "[" + i + "]" : path;
      CertificateBundle.read(texts.get(i), itemPath, tls.problems())
          .ifPresent(certificates::addAll);
    }
    return certificates;
  }
}
