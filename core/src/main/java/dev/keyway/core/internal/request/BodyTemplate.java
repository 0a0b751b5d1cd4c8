package dev.keyway.core.internal.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ConfigProblems;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import dev.keyway.spi.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a call's body from its {@code in: body} parameters: a JSON template, a JSON object of the
 * parameters, form fields, or raw text. A value always lands inside its own JSON string or literal:
 * it can never add members or close the document.
 */
final class BodyTemplate {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final BodyConfig.Type type;
  private final List<String> parameters;
  private final List<TemplateText.Piece> pieces;
  private final String contentType;

  private BodyTemplate(
      BodyConfig.Type type,
      List<String> parameters,
      List<TemplateText.Piece> pieces,
      String contentType) {
    this.type = type;
    this.parameters = List.copyOf(parameters);
    this.pieces = pieces == null ? null : List.copyOf(pieces);
    this.contentType = contentType;
  }

  /**
   * Compiles {@code body} for the given body parameters (in declaration order); records problems at
   * {@code path} ({@code collections.x.calls.y}).
   */
  static BodyTemplate compile(
      BodyConfig body, List<String> parameters, String path, ConfigProblems problems) {
    if (body.type() == BodyConfig.Type.NONE) {
      for (String name : parameters) {
        problems.add(
            path + ".params." + name, "in: body, but the call has no body (set body.type)");
      }
      return new BodyTemplate(body.type(), List.of(), null, null);
    }
    if (body.template().isEmpty()) {
      if (body.type() == BodyConfig.Type.RAW && !parameters.isEmpty()) {
        problems.add(
            path + ".body.template", "a raw body with in: body parameters needs a template");
      }
      return new BodyTemplate(body.type(), parameters, null, body.contentType().orElse(null));
    }
    boolean json = body.type() == BodyConfig.Type.JSON;
    List<TemplateText.Piece> pieces =
        TemplateText.split(body.template().get(), new LinkedHashSet<>(parameters), json);
    Set<String> used = new LinkedHashSet<>();
    for (TemplateText.Piece piece : pieces) {
      if (piece.placeholder()) {
        used.add(piece.text());
      }
    }
    for (String name : parameters) {
      if (!used.contains(name)) {
        problems.add(
            path + ".params." + name, "in: body, but the body template has no <" + name + ">");
      }
    }
    if (json) {
      checkJson(pieces, path + ".body.template", problems);
    }
    return new BodyTemplate(body.type(), parameters, pieces, body.contentType().orElse(null));
  }

  private static void checkJson(
      List<TemplateText.Piece> pieces, String path, ConfigProblems problems) {
    StringBuilder sample = new StringBuilder();
    for (TemplateText.Piece piece : pieces) {
      sample.append(piece.placeholder() ? (piece.inJsonString() ? "x" : "0") : piece.text());
    }
    try {
      JSON.readTree(sample.toString());
    } catch (JsonProcessingException e) {
      problems.add(
          path,
          "not valid JSON once placeholders are filled (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  /** Returns whether the call sends a body. */
  boolean hasBody() {
    return type != BodyConfig.Type.NONE;
  }

  /** Builds the body from the bound values of body parameters (absent ones are missing). */
  Body build(Map<String, Object> values) {
    return switch (type) {
      case NONE -> Body.none();
      case FORM -> Body.form(formFields(values));
      case JSON -> Body.json(pieces == null ? jsonObject(values) : fill(values, true));
      case RAW ->
          Body.raw(
              (pieces == null ? "" : fill(values, false)).getBytes(StandardCharsets.UTF_8),
              contentType);
    };
  }

  private List<FormField> formFields(Map<String, Object> values) {
    List<FormField> fields = new ArrayList<>(parameters.size());
    for (String name : parameters) {
      Object value = values.get(name);
      if (value != null) {
        fields.add(new FormField(name, ParamValue.text(value)));
      }
    }
    return fields;
  }

  private String jsonObject(Map<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    for (String name : parameters) {
      Object value = values.get(name);
      if (value != null) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append(JsonString.quote(name)).append(':').append(jsonLiteral(value));
      }
    }
    return out.append('}').toString();
  }

  private String fill(Map<String, Object> values, boolean json) {
    StringBuilder out = new StringBuilder(128);
    for (TemplateText.Piece piece : pieces) {
      if (!piece.placeholder()) {
        out.append(piece.text());
        continue;
      }
      Object value = values.get(piece.text());
      if (!json) {
        out.append(value == null ? "" : ParamValue.text(value));
      } else if (piece.inJsonString()) {
        String quoted = JsonString.quote(value == null ? "" : ParamValue.text(value));
        out.append(quoted, 1, quoted.length() - 1);
      } else {
        out.append(value == null ? "null" : jsonLiteral(value));
      }
    }
    return out.toString();
  }

  private static String jsonLiteral(Object value) {
    if (value instanceof Boolean || value instanceof Number) {
      return value.toString();
    }
    return JsonString.quote(ParamValue.text(value));
  }
}
