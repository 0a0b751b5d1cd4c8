package dev.keyway.core.internal.request;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.ParamConfig;
import dev.keyway.core.config.ParamConfig.Location;
import dev.keyway.core.config.Timeouts;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a collection {@code shop} with one call {@code order} for tests, the way the YAML loader
 * would, and compiles it.
 */
final class CallFixture {

  private String baseUrl = "https://api.example.com";
  private final Map<String, String> sharedHeaders = new LinkedHashMap<>();
  private final Map<String, ParamConfig> sharedParams = new LinkedHashMap<>();
  private String method;
  private final String path;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private BodyConfig body = BodyConfig.none();
  private final Map<String, ParamConfig> params = new LinkedHashMap<>();

  private CallFixture(String method, String path) {
    this.method = method;
    this.path = path;
  }

  static CallFixture get(String path) {
    return new CallFixture("GET", path);
  }

  static CallFixture post(String path) {
    return new CallFixture("POST", path);
  }

  static ParamConfig required(String name, Location in) {
    return new ParamConfig(name, in, true, Optional.empty(), false, Optional.empty());
  }

  static ParamConfig optional(String name, Location in) {
    return new ParamConfig(name, in, false, Optional.empty(), false, Optional.empty());
  }

  static ParamConfig withDefault(String name, Location in, String defaultValue) {
    return new ParamConfig(name, in, false, Optional.of(defaultValue), false, Optional.empty());
  }

  static ParamConfig secret(String name, Location in, String value) {
    return new ParamConfig(name, in, false, Optional.empty(), true, Optional.of(value));
  }

  static BodyConfig json() {
    return new BodyConfig(BodyConfig.Type.JSON, Optional.empty(), Optional.empty());
  }

  static BodyConfig json(String template) {
    return new BodyConfig(BodyConfig.Type.JSON, Optional.of(template), Optional.empty());
  }

  static BodyConfig form() {
    return new BodyConfig(BodyConfig.Type.FORM, Optional.empty(), Optional.empty());
  }

  static BodyConfig raw(String template, String contentType) {
    return new BodyConfig(BodyConfig.Type.RAW, Optional.of(template), Optional.of(contentType));
  }

  CallFixture baseUrl(String url) {
    this.baseUrl = url;
    return this;
  }

  CallFixture method(String name) {
    this.method = name;
    return this;
  }

  CallFixture param(ParamConfig param) {
    params.put(param.name(), param);
    return this;
  }

  CallFixture sharedParam(ParamConfig param) {
    sharedParams.put(param.name(), param);
    return this;
  }

  CallFixture query(String name, String value) {
    query.put(name, value);
    return this;
  }

  CallFixture header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  CallFixture sharedHeader(String name, String value) {
    sharedHeaders.put(name, value);
    return this;
  }

  CallFixture body(BodyConfig config) {
    this.body = config;
    return this;
  }

  CallConfig call() {
    return new CallConfig("order", method, path, query, headers, body, params, false);
  }

  CollectionConfig collection() {
    return new CollectionConfig(
        "shop",
        URI.create(baseUrl),
        AuthConfig.none(),
        sharedHeaders,
        sharedParams,
        Timeouts.DEFAULT,
        Map.of("order", call()));
  }

  CallTemplate compile() {
    return CallTemplate.compile(collection(), call());
  }

  /** Compiles, expecting it to fail, and returns every problem reported. */
  List<ConfigProblem> problems() {
    return assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(this::compile)
        .actual()
        .problems();
  }
}
