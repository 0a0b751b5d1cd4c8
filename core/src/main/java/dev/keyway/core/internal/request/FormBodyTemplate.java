package dev.keyway.core.internal.request;

import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@code application/x-www-form-urlencoded} body of the {@code in: body} parameters. */
final class FormBodyTemplate implements BodyTemplate {

  private final String[] names;
  private final int[] indexes;

  FormBodyTemplate(List<EffectiveParam> fields) {
    this.names = fields.stream().map(EffectiveParam::name).toArray(String[]::new);
    this.indexes = fields.stream().mapToInt(EffectiveParam::index).toArray();
  }

  /** Returns the present fields in declaration order; an absent optional one is left out. */
  @Override
  public Body render(BoundParams bound) {
    List<FormField> fields = new ArrayList<>(names.length);
    for (int k = 0; k < names.length; k++) {
      String text = bound.text(indexes[k]);
      if (text != null) {
        fields.add(new FormField(names[k], text));
      }
    }
    return Body.form(fields);
  }
}
