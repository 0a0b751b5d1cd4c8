package dev.keyway.core.config;

import dev.keyway.core.config.BodyConfig.Type;
import dev.keyway.spi.Headers;
import java.util.Optional;

/** Reads a call's {@code body}: {@code {type: none|json|form|raw, template, contentType}}. */
final class BodyReader {

  private BodyReader() {}

  /** Returns the {@code body} of {@code call} (none when absent), or empty on a problem. */
  static Optional<BodyConfig> read(Section call) {
    Lookup<Section> section = call.section("body");
    if (section.state() != Lookup.State.FOUND) {
      return section.state() == Lookup.State.INVALID
          ? Optional.empty()
          : Optional.of(BodyConfig.none());
    }
    Section body = section.value().orElseThrow();
    int mark = body.problemCount();
    Lookup<Type> typeLookup = body.choice("type", Type.class);
    Type type = typeLookup.value().orElse(Type.NONE);
    Optional<String> template = body.text("template");
    Lookup<String> contentType = body.lookup("contentType");
    if (typeLookup.state() != Lookup.State.INVALID) {
      checkAgainstType(body, type, template, contentType);
    }
    if (contentType
        .value()
        .filter(text -> text.isBlank() || !Headers.isValidValue(text))
        .isPresent()) {
      body.problems()
          .add(body.path("contentType"), "expected a media type such as application/xml");
    }
    body.rejectUnknownKeys();
    return body.problemCount() > mark
        ? Optional.empty()
        : Optional.of(new BodyConfig(type, template, contentType.value()));
  }

  private static void checkAgainstType(
      Section body, Type type, Optional<String> template, Lookup<String> contentType) {
    if (template.isPresent() && type != Type.JSON && type != Type.RAW) {
      body.problems()
          .add(
              body.path("template"),
              "only a json or raw body has a template; set type: json or raw");
    }
    if (type == Type.RAW && contentType.state() == Lookup.State.ABSENT) {
      body.problems().add(body.path("contentType"), "required for a raw body");
    }
    if (type == Type.RAW && contentType.state() == Lookup.State.ABSENT_IN_ENVIRONMENT) {
      body.problems()
          .add(
              body.path("contentType"),
              "required for a raw body in environment " + body.environment().configName());
    }
    if (type == Type.NONE && contentType.value().isPresent()) {
      body.problems()
          .add(body.path("contentType"), "a body of type none has no content type; set a type");
    }
  }
}
