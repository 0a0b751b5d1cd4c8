package dev.keyway.testkit.faulty;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token-in-a-header providers, each with one mistake, to prove the compatibility kit catches it.
 * Each sends setting {@code token} in {@code X-Api-Token}, like the example plugin, apart from its
 * fault. The registered ones are listed in {@code META-INF/services}; the others are not, either on
 * purpose or because core would refuse every provider because of them.
 */
public abstract class FaultyProvider implements AuthProvider {

  private final String type;

  FaultyProvider(String type) {
    this.type = type;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(SettingSpec.required("token", "the API token").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    Secret token = problems.requireSecret(settings, "token");
    problems.throwIfAny();
    return request -> send(request, token);
  }

  CompletionStage<OutboundRequest> send(OutboundRequest request, Secret token) {
    return CompletableFuture.completedFuture(request.withHeader("X-Api-Token", token.reveal()));
  }

  /** Shows the token in the method's toString. */
  public static final class LeaksInToString extends FaultyProvider {
    public LeaksInToString() {
      super("x-faulty-tostring");
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      AuthMethod method = super.create(settings, context);
      Secret token = settings.secret("token").orElseThrow();
      return new AuthMethod() {
        @Override
        public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
          return method.apply(request);
        }

        @Override
        public String toString() {
          return "TokenMethod[" + token.reveal() + "]";
        }
      };
    }
  }

  /** Writes the token to System.err, as a careless debug log line would. */
  public static final class LeaksInLog extends FaultyProvider {
    public LeaksInLog() {
      super("x-faulty-log");
    }

    @Override
    CompletionStage<OutboundRequest> send(OutboundRequest request, Secret token) {
      System.err.println("DEBUG adding token " + token.reveal());
      return super.send(request, token);
    }
  }

  /** Adds a header whose value changes with every apply. */
  public static final class Unstable extends FaultyProvider {
    private final AtomicInteger applies = new AtomicInteger();

    public Unstable() {
      super("x-faulty-unstable");
    }

    @Override
    CompletionStage<OutboundRequest> send(OutboundRequest request, Secret token) {
      return super.send(request, token)
          .thenApply(
              signed -> signed.withHeader("X-Count", Integer.toString(applies.incrementAndGet())));
    }
  }

  /** Sends the token in a header the upstream does not read. */
  public static final class WrongHeader extends FaultyProvider {
    public WrongHeader() {
      super("x-faulty-header");
    }

    @Override
    CompletionStage<OutboundRequest> send(OutboundRequest request, Secret token) {
      return CompletableFuture.completedFuture(request.withHeader("X-Token", token.reveal()));
    }
  }

  /** Declares the token required but does not report it missing. */
  public static final class Lax extends FaultyProvider {
    public Lax() {
      super("x-faulty-lax");
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      return settings.secret("token").isPresent()
          ? super.create(settings, context)
          : AuthMethod.NONE;
    }
  }

  /** Quotes the token in the problem it reports for a missing account. */
  public static final class LeaksInMessage extends FaultyProvider {
    public LeaksInMessage() {
      super("x-faulty-message");
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.required("token", "the API token").asSecret(),
          SettingSpec.required("account", "the account id"));
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      ConfigProblems problems = new ConfigProblems();
      Secret token = problems.requireSecret(settings, "token");
      if (settings.text("account").isEmpty()) {
        problems.add(
            settings.path("account"),
            "required with token " + (token == null ? "" : token.reveal()));
      }
      problems.throwIfAny();
      return request -> send(request, token);
    }
  }

  /** Lists one setting twice, and one without a description. */
  public static final class Undescribed extends FaultyProvider {
    public Undescribed() {
      super("x-faulty-settings");
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.required("token", "the API token").asSecret(),
          SettingSpec.optional("token", "again"),
          SettingSpec.optional("scope", " "));
    }
  }

  /** Claims a type that is not a lower-case token (not registered: core refuses it). */
  public static final class UpperCaseType extends FaultyProvider {
    public UpperCaseType() {
      super("X_Faulty");
    }
  }

  /** Claims an API version that does not exist yet (not registered: core refuses it). */
  public static final class FutureVersion extends FaultyProvider {
    public FutureVersion() {
      super("x-faulty-version");
    }

    @Override
    public int apiVersion() {
      return AuthProvider.API_VERSION + 1;
    }
  }

  /** A good provider that was never listed in META-INF/services. */
  public static final class Unregistered extends FaultyProvider {
    public Unregistered() {
      super("x-faulty-unregistered");
    }
  }
}
