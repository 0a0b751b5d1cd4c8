package dev.keyway.core.internal.request;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.Body;
import java.nio.charset.StandardCharsets;

/**
 * Builds a raw body: the template text, UTF-8, with each {@code <name>} placeholder replaced by the
 * value as plain text (nothing when an optional parameter is absent), sent with the configured
 * content type. Values are not escaped: the format is unknown, so only trusted or format-neutral
 * values belong in a raw template.
 */
final class RawBodyTemplate implements BodyTemplate {

  private final TemplateText text;
  private final String contentType;
  private final int fixedLength;

  private RawBodyTemplate(TemplateText text, String contentType) {
    this.text = text;
    this.contentType = contentType;
    this.fixedLength = text.fixedLength();
  }

  /** Compiles {@code template}, recording each mistake. */
  static RawBodyTemplate compile(
      String template,
      String contentType,
      ParamSet params,
      String callId,
      ConfigProblems problems) {
    TemplateText text = TemplateText.parse(template, params, false);
    BodyTemplate.checkAllUsed(text, params, callId, problems);
    return new RawBodyTemplate(text, contentType);
  }

  @Override
  public Body render(BoundParams bound) {
    StringBuilder out = new StringBuilder(fixedLength + text.params.length * 32);
    out.append(text.literals[0]);
    for (int k = 0; k < text.params.length; k++) {
      String value = bound.text(text.params[k]);
      if (value != null) {
        out.append(value);
      }
      out.append(text.literals[k + 1]);
    }
    return Body.raw(out.toString().getBytes(StandardCharsets.UTF_8), contentType);
  }
}
