package dev.keyway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SettingsTree")
class SettingsTreeTest {

  private static final String KEY = "sk_live_CANARY";

  private static SettingsTree auth() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("keyName", "Authorization");
    values.put("key", KEY);
    values.put("scopes", List.of("read", "write"));
    values.put("tokenHeaders", Map.of("Accept", "application/json", "inner", Map.of("x", "1")));
    return SettingsTree.of("collections.stripe.auth", values);
  }

  @Test
  @DisplayName("returns its path, and a setting's path below it")
  void paths() {
    assertThat(auth().path()).isEqualTo("collections.stripe.auth");
    assertThat(auth().path("key")).isEqualTo("collections.stripe.auth.key");
    assertThat(SettingsTree.of("", Map.of()).path("key")).isEqualTo("key");
  }

  @Test
  @DisplayName("returns the names of the settings in order")
  void names() {
    assertThat(auth().names()).containsExactly("keyName", "key", "scopes", "tokenHeaders");
  }

  @Test
  @DisplayName(
      "returns a single value as text, and nothing for a list, a section or a missing name")
  void text() {
    SettingsTree auth = auth();
    assertThat(auth.text("keyName")).contains("Authorization");
    assertThat(auth.text("scopes")).isEmpty();
    assertThat(auth.text("tokenHeaders")).isEmpty();
    assertThat(auth.text("missing")).isEmpty();
  }

  @Test
  @DisplayName("returns a single value as a secret")
  void secret() {
    assertThat(auth().secret("key")).get().extracting(Secret::reveal).isEqualTo(KEY);
    assertThat(auth().secret("scopes")).isEmpty();
  }

  @Test
  @DisplayName("returns a list, and a single value as a list of one")
  void list() {
    assertThat(auth().list("scopes")).contains(List.of("read", "write"));
    assertThat(auth().list("keyName")).contains(List.of("Authorization"));
    assertThat(auth().list("tokenHeaders")).isEmpty();
    assertThat(auth().list("missing")).isEmpty();
  }

  @Test
  @DisplayName("returns a nested map as a section whose path extends this one")
  void section() {
    Settings headers = auth().section("tokenHeaders").orElseThrow();
    assertThat(headers.path()).isEqualTo("collections.stripe.auth.tokenHeaders");
    assertThat(headers.text("Accept")).contains("application/json");
    Settings inner = headers.section("inner").orElseThrow();
    assertThat(inner.path()).isEqualTo("collections.stripe.auth.tokenHeaders.inner");
    assertThat(inner.text("x")).contains("1");
    assertThat(auth().section("key")).isEmpty();
    assertThat(auth().section("missing")).isEmpty();
  }

  @Test
  @DisplayName("shows the path and names in toString, never a value")
  void toStringHidesValues() {
    assertThat(auth())
        .hasToString("SettingsTree[collections.stripe.auth: keyName, key, scopes, tokenHeaders]");
    assertThat(auth().toString()).doesNotContain(KEY).doesNotContain("read");
  }

  @Test
  @DisplayName("copies its values, so later changes to the given maps do not show")
  void immutable() {
    Map<String, Object> values = new HashMap<>();
    List<String> scopes = new ArrayList<>(List.of("read"));
    values.put("scopes", scopes);
    SettingsTree tree = SettingsTree.of("auth", values);
    values.put("key", "added");
    scopes.add("write");
    assertThat(tree.names()).containsExactly("scopes");
    assertThat(tree.list("scopes")).contains(List.of("read"));
    assertThatThrownBy(() -> tree.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("takes numbers and booleans as text, and leaves null values out")
  void lenientScalars() {
    Map<String, Object> values = new HashMap<>();
    values.put("port", 8080);
    values.put("pkce", true);
    values.put("codes", List.of(200, 201));
    values.put("unset", null);
    SettingsTree tree = SettingsTree.of("auth", values);
    assertThat(tree.text("port")).contains("8080");
    assertThat(tree.text("pkce")).contains("true");
    assertThat(tree.list("codes")).contains(List.of("200", "201"));
    assertThat(tree.names()).containsExactlyInAnyOrder("port", "pkce", "codes");
  }

  @Test
  @DisplayName("refuses a value of another type, naming the setting and the type, not the value")
  void refusesOtherTypes() {
    assertThatThrownBy(() -> SettingsTree.of("auth", Map.of("key", Secret.of(KEY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "auth.key: unsupported setting value of type dev.keyway.api.Secret; expected text, a"
                + " list or a map");
    assertThatThrownBy(() -> SettingsTree.of("auth", Map.of("scopes", List.of("a", List.of("b")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("auth.scopes[1]: unsupported setting value");
  }

  @Test
  @DisplayName("reads the settings of a loaded auth block")
  void fromLoadedConfig() {
    KeywayConfig config =
        ConfigLoader.create()
            .parse(
                """
                collections:
                  api:
                    baseUrl: https://api.example
                    auth: { type: header-key, key: abc, scopes: [a], headers: { X-A: b } }
                    calls: {}
                """);
    CollectionConfig api = config.collections().get("api");
    SettingsTree settings = SettingsTree.of(api.path() + ".auth", api.auth().settings());
    assertThat(settings.text("key")).contains("abc");
    assertThat(settings.list("scopes")).contains(List.of("a"));
    assertThat(settings.section("headers").orElseThrow().path())
        .isEqualTo("collections.api.auth.headers");
  }
}
