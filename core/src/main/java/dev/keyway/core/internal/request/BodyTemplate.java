package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.ParamConfig.Location;
import dev.keyway.spi.Body;
import dev.keyway.spi.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds a call's body from bound parameter values; compiled once per call. */
interface BodyTemplate {

  /** The template of a call without a body. */
  BodyTemplate NONE = bound -> Body.none();

  /** Returns the body for {@code bound} values. */
  Body render(BoundParams bound);

  /**
   * Compiles {@code body} for the call at config path {@code callPath}, recording each mistake;
   * returns {@code null} if there is one.
   */
  static BodyTemplate compile(
      BodyConfig body, ParamSet params, String callPath, String callId, ConfigProblems problems) {
    String path = callPath + ".body";
    int problemsBefore = problems.list().size();
    checkContentType(body, path, problems);
    if (body.template().isPresent()
        && body.type() != BodyConfig.Type.JSON
        && body.type() != BodyConfig.Type.RAW) {
      problems.add(
          path + ".template", "only a json or raw body has a template; set type: json or raw");
    }
    List<EffectiveParam> fields = params.in(Location.BODY);
    BodyTemplate template =
        switch (body.type()) {
          case NONE -> NONE;
          case FORM -> new FormBodyTemplate(fields);
          case JSON ->
              body.template().isEmpty()
                  ? new JsonObjectBodyTemplate(fields)
                  : JsonBodyTemplate.compile(
                      body.template().get(), params, path + ".template", callId, problems);
          case RAW -> {
            if (body.template().isEmpty()) {
              problems.add(path + ".template", "required for a raw body");
              yield null;
            }
            yield RawBodyTemplate.compile(
                body.template().get(), body.contentType().orElse(""), params, callId, problems);
          }
        };
    return problems.list().size() > problemsBefore ? null : template;
  }

  /** Records a parameter that is {@code in: body} but missing from {@code text}. */
  static void checkAllUsed(
      TemplateText text, ParamSet params, String callId, ConfigProblems problems) {
    for (EffectiveParam param : params.in(Location.BODY)) {
      if (!text.used.contains(param.name())) {
        problems.add(
            param.path(),
            "is in: body but the body template of call "
                + callId
                + " has no <"
                + param.name()
                + ">: add it to the template");
      }
    }
  }

  private static void checkContentType(BodyConfig body, String path, ConfigProblems problems) {
    Optional<String> contentType = body.contentType();
    String field = path + ".contentType";
    if (contentType.isPresent()
        && (contentType.get().isBlank() || !Headers.isValidValue(contentType.get()))) {
      problems.add(field, "expected a media type such as application/xml");
      return;
    }
    switch (body.type()) {
      case NONE -> {
        if (contentType.isPresent()) {
          problems.add(field, "a body of type none has no content type; set a type");
        }
      }
      case JSON -> requireMediaType(contentType, "application/json", "json", field, problems);
      case FORM ->
          requireMediaType(
              contentType, "application/x-www-form-urlencoded", "form", field, problems);
      case RAW -> {
        if (contentType.isEmpty()) {
          problems.add(field, "required for a raw body");
        }
      }
    }
  }

  private static void requireMediaType(
      Optional<String> contentType,
      String mediaType,
      String type,
      String field,
      ConfigProblems problems) {
    if (contentType.isEmpty()) {
      return;
    }
    String given = contentType.get();
    int parameters = given.indexOf(';');
    String essence =
        (parameters < 0 ? given : given.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    if (!essence.equals(mediaType)) {
      problems.add(
          field,
          "a "
              + type
              + " body is sent as "
              + mediaType
              + "; use type: raw to send another content type");
    }
  }
}
