package dev.keyway.auth.jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a Google-style service-account key file that {@code jwt-bearer} uses: {@code
 * client_email} (the assertion's issuer), {@code private_key} (PEM), {@code private_key_id} (the
 * {@code kid}) and {@code token_uri} (the token endpoint). The other fields ({@code project_id},
 * {@code client_id}, {@code auth_uri}, ...) are ignored. {@link #toString()} shows no field: the
 * file holds the private key.
 */
record ServiceAccountKey(
    Optional<String> clientEmail,
    Optional<Secret> privateKey,
    Optional<String> privateKeyId,
    Optional<String> tokenUri) {

  private static final Pattern TYPE_NAME = Pattern.compile("[a-z_]{1,40}");

  /**
   * Parses {@code json}, the value of the setting at {@code path}; records every problem there and
   * returns empty when there is any. Messages never quote the file, only its field names.
   */
  static Optional<ServiceAccountKey> read(Secret json, String path, ConfigProblems problems) {
    Map<String, Object> fields;
    try {
      fields = JSONObjectUtils.parse(json.reveal().strip());
    } catch (ParseException | RuntimeException e) {
      problems.add(
          path,
          "not a service-account key file: expected the JSON object Google gives (with"
              + " client_email, private_key, private_key_id and token_uri)");
      return Optional.empty();
    }
    int before = problems.list().size();
    Object type = fields.get("type");
    if (type != null && !"service_account".equals(type)) {
      String named =
          type instanceof String text && TYPE_NAME.matcher(text).matches()
              ? "of type " + text
              : "of another type";
      problems.add(
          path, "is a key file " + named + "; expected a service account (type service_account)");
    }
    ServiceAccountKey key =
        new ServiceAccountKey(
            text(fields, "client_email", path, problems),
            text(fields, "private_key", path, problems).map(Secret::of),
            text(fields, "private_key_id", path, problems),
            text(fields, "token_uri", path, problems));
    return problems.list().size() > before ? Optional.empty() : Optional.of(key);
  }

  private static Optional<String> text(
      Map<String, Object> fields, String name, String path, ConfigProblems problems) {
    Object value = fields.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      problems.add(path, "its " + name + " is not a JSON string");
      return Optional.empty();
    }
    return Optional.of(text).filter(present -> !present.isBlank());
  }

  @Override
  public String toString() {
    return "ServiceAccountKey[****]";
  }
}
