package dev.keyway.core.internal.pipeline;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.api.Secret;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.internal.auth.AuthMethods;
import dev.keyway.core.internal.auth.ClientCertificates;
import dev.keyway.core.internal.auth.CollectionAuthContext;
import dev.keyway.core.internal.auth.DeferredExchange;
import dev.keyway.core.internal.auth.TokenMachinery;
import dev.keyway.core.internal.client.TlsContexts;
import dev.keyway.core.internal.client.UpstreamClient;
import dev.keyway.core.internal.log.ThirdPartyLogs;
import dev.keyway.core.internal.request.CallTemplate;
import dev.keyway.core.internal.token.IssuedTokens;
import dev.keyway.core.redact.EchoMask;
import dev.keyway.core.redact.Redactor;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.spi.SettingSpec;
import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds every collection of a configuration, or none: problems of all collections (auth settings
 * and call templates) are collected and reported together, and nothing stays open on failure.
 */
public final class CollectionAssembler {

  private CollectionAssembler() {}

  /**
   * Returns the collections of {@code config}, ready to call.
   *
   * @throws InvalidConfigException listing every problem with its config path
   */
  public static Map<String, ConfiguredCollection> assemble(
      KeywayConfig config,
      Map<String, AuthProvider> providers,
      Clock clock,
      TokenMachinery tokens) {
    ThirdPartyLogs.warnIfVerbose();
    ConfigProblems problems = new ConfigProblems();
    Map<String, ConfiguredCollection> assembled = new LinkedHashMap<>();
    Map<String, UpstreamClient> clients = new LinkedHashMap<>();
    try {
      for (CollectionConfig collection : new TreeMap<>(config.collections()).values()) {
        // The client is built after the auth method, whose client certificate its TLS context
        // holds; side calls reach it once it is bound.
        DeferredExchange sideCalls = new DeferredExchange(collection.id());
        IssuedTokens issued = new IssuedTokens();
        CollectionAuthContext context =
            new CollectionAuthContext(
                collection.id(),
                config.environment(),
                clock,
                sideCalls,
                issued,
                tokens,
                collection.authPolicy(),
                collection.timeouts());
        AuthMethod method =
            AuthMethods.create(
                collection.path() + ".auth",
                collection.auth(),
                providers,
                tokens.endpoints().pluginSettings(),
                context,
                problems);
        UpstreamClient client =
            new UpstreamClient(
                collection.id(),
                collection.timeouts(),
                UpstreamClient.DEFAULT_MAX_RESPONSE_BYTES,
                tls(collection, method, providers, context, problems));
        clients.put(collection.id(), client);
        sideCalls.bind(client);
        Map<String, CallTemplate> calls = compile(collection, problems);
        CollectionMask mask =
            new CollectionMask(
                configuredMask(collection, providers, tokens.endpoints().pluginSettings()), issued);
        if (method != null && problems.isEmpty()) {
          assembled.put(
              collection.id(),
              new ConfiguredCollection(
                  collection, method, calls, client, mask, context.userTokens()));
        }
      }
      problems.throwIfAny();
      return Map.copyOf(assembled);
    } catch (RuntimeException e) {
      clients.values().forEach(UpstreamClient::close);
      throw e;
    }
  }

  /**
   * Registers the collection's secret auth settings (plain text in the YAML too) with the log
   * redactor, and returns the mask of those and of the configured secret values it uses.
   */
  private static EchoMask configuredMask(
      CollectionConfig collection,
      Map<String, AuthProvider> providers,
      List<SettingSpec> clientAuthSettings) {
    List<Secret> secrets = new ArrayList<>();
    AuthProvider provider = providers.get(collection.auth().type());
    if (provider != null) {
      for (SettingSpec spec : AuthMethods.specs(provider, clientAuthSettings)) {
        Object value = spec.secret() ? collection.auth().settings().get(spec.name()) : null;
        if (value != null) {
          List<String> texts = new ArrayList<>();
          CollectionTexts.leaves(List.of(value), texts);
          texts.forEach(text -> secrets.add(Secret.of(text)));
        }
      }
    }
    Redactor.global().register(secrets);
    return EchoMask.of(secrets)
        .with(Redactor.global().configuredIn(CollectionTexts.of(collection)));
  }

  private static Optional<SslContext> tls(
      CollectionConfig collection,
      AuthMethod method,
      Map<String, AuthProvider> providers,
      CollectionAuthContext context,
      ConfigProblems problems) {
    Optional<ClientCertificate> certificate =
        ClientCertificates.of(collection, method, providers, context, problems);
    if (certificate.isPresent() && !"https".equalsIgnoreCase(collection.baseUrl().getScheme())) {
      problems.add(
          collection.path() + ".baseUrl",
          "a client certificate is only presented over TLS; use an https:// baseUrl");
      return Optional.empty();
    }
    return TlsContexts.build(
        collection.path(), certificate, collection.tls().trustedCertificates(), problems);
  }

  private static Map<String, CallTemplate> compile(
      CollectionConfig collection, ConfigProblems problems) {
    Map<String, CallTemplate> calls = new LinkedHashMap<>();
    for (CallConfig call : new TreeMap<>(collection.calls()).values()) {
      try {
        calls.put(call.id(), CallTemplate.compile(collection, call));
      } catch (InvalidConfigException e) {
        problems.addAll(e.problems());
      }
    }
    return calls;
  }
}
