package dev.keyway.core.internal.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Body;
import dev.keyway.spi.JsonString;

/**
 * Builds a JSON body from a template with {@code <name>} placeholders.
 *
 * <p>A placeholder inside a string literal ({@code "email": "<email>"}) is replaced by the escaped
 * string content, so a value can never end its string. A bare placeholder ({@code "count":
 * <count>}) becomes a JSON literal for a number or boolean, a quoted string for text, and {@code
 * null} when an optional parameter is absent. The template is checked once to be valid JSON with
 * its placeholders filled, so every rendered body is valid JSON too.
 */
final class JsonBodyTemplate implements BodyTemplate {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final TemplateText text;
  private final int fixedLength;

  private JsonBodyTemplate(TemplateText text) {
    this.text = text;
    this.fixedLength = text.fixedLength();
  }

  /** Compiles {@code template}, recording each mistake; returns {@code null} if there is one. */
  static JsonBodyTemplate compile(
      String template, ParamSet params, String path, String callId, ConfigProblems problems) {
    TemplateText text = TemplateText.parse(template, params, true);
    BodyTemplate.checkAllUsed(text, params, callId, problems);
    String problem = checkJson(text);
    if (problem != null) {
      problems.add(path, problem);
      return null;
    }
    return new JsonBodyTemplate(text);
  }

  /** Returns why the template is not JSON with stand-in values, or {@code null} when it is. */
  private static String checkJson(TemplateText text) {
    StringBuilder sample = new StringBuilder(text.literals[0]);
    for (int k = 0; k < text.params.length; k++) {
      // Any value is a single JSON token where its stand-in is, so one sample checks them all.
      sample.append(text.inString[k] ? "x" : "0").append(text.literals[k + 1]);
    }
    try {
      JsonNode node = JSON.readTree(sample.toString());
      return node == null || node.isMissingNode() ? "empty: write a JSON template" : null;
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      return "not valid JSON once its placeholders are filled in: "
          + e.getOriginalMessage()
          + (location == null
              ? ""
              : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }
  }

  @Override
  public Body render(BoundParams bound) {
    StringBuilder out = new StringBuilder(fixedLength + text.params.length * 32);
    out.append(text.literals[0]);
    for (int k = 0; k < text.params.length; k++) {
      int index = text.params[k];
      String value = bound.text(index);
      if (text.inString[k]) {
        if (value != null) {
          String quoted = JsonString.quote(value);
          out.append(quoted, 1, quoted.length() - 1);
        }
      } else if (value == null) {
        out.append("null");
      } else {
        appendValue(out, bound.value(index), value);
      }
      out.append(text.literals[k + 1]);
    }
    return Body.json(out.toString());
  }

  /** Appends text as a JSON string, and a number or boolean (already valid JSON) as it is. */
  static void appendValue(StringBuilder out, Object value, String text) {
    out.append(value instanceof String ? JsonString.quote(text) : text);
  }
}
