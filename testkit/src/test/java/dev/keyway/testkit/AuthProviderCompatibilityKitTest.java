package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.faulty.FaultyProvider;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the kit against providers with one fault each (see {@link FaultyProvider}) and checks that
 * exactly the kit tests about that fault fail: a kit test that never fails proves nothing.
 */
@DisplayName("AuthProviderCompatibilityKit")
class AuthProviderCompatibilityKitTest {

  private static Set<String> failedTests(Class<? extends AuthProviderCompatibilityKit> kit) {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(RunByKitTestOnly.PARAMETER, "true")
            .selectors(selectClass(kit))
            .execute()
            .testEvents();
    assertThat(tests.started().count()).as("kit tests run").isGreaterThanOrEqualTo(11);
    return tests.failed().stream()
        .map(event -> name(event.getTestDescriptor()))
        .collect(Collectors.toSet());
  }

  /** Returns a kit test's method name, or a dynamic test's display name. */
  private static String name(TestDescriptor test) {
    boolean dynamic = test.getUniqueId().getLastSegment().getType().equals("dynamic-test");
    return test.getSource()
        .filter(source -> !dynamic && source instanceof MethodSource)
        .map(source -> ((MethodSource) source).getMethodName())
        .orElse(test.getDisplayName());
  }

  @Test
  @DisplayName("catches a secret in the method's toString")
  void toStringLeak() {
    assertThat(failedTests(LeaksInToStringKit.class)).containsExactly("toStringKeepsSecrets");
  }

  @Test
  @DisplayName("catches a secret in the log output")
  void logLeak() {
    assertThat(failedTests(LeaksInLogKit.class))
        .containsExactlyInAnyOrder("logsKeepSecrets", "unreachableKeepsSecrets");
  }

  @Test
  @DisplayName("catches a method that applies credentials differently each time")
  void unstable() {
    assertThat(failedTests(UnstableKit.class)).containsExactly("concurrentApply");
  }

  @Test
  @DisplayName("catches credentials the upstream does not accept")
  void wrongHeader() {
    assertThat(failedTests(WrongHeaderKit.class)).containsExactly("validCall");
  }

  @Test
  @DisplayName("catches a required setting that is not reported missing")
  void lax() {
    assertThat(failedTests(LaxKit.class))
        .containsExactlyInAnyOrder("emptyAuthBlock", "without token");
  }

  @Test
  @DisplayName("catches a secret in a validation message")
  void messageLeak() {
    assertThat(failedTests(LeaksInMessageKit.class)).containsExactly("without account");
  }

  @Test
  @DisplayName("catches a setting listed twice or without a description")
  void undescribed() {
    assertThat(failedTests(UndescribedKit.class)).containsExactly("settingsDescribed");
  }

  @Test
  @DisplayName("catches a type that is not a lower-case token")
  void upperCaseType() {
    assertThat(failedTests(UpperCaseTypeKit.class)).contains("discoverable");
  }

  @Test
  @DisplayName("catches an API version this Keyway does not know")
  void futureVersion() {
    assertThat(failedTests(FutureVersionKit.class)).contains("apiVersion");
  }

  @Test
  @DisplayName("catches a provider missing from META-INF/services")
  void unregistered() {
    assertThat(failedTests(UnregisteredKit.class)).contains("discoverable");
  }

  /** Keeps the faulty kits below from running anywhere but in this test. */
  static final class RunByKitTestOnly implements ExecutionCondition {
    static final String PARAMETER = "keyway.testkit.faultyKits";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by AuthProviderCompatibilityKitTest")
          : ConditionEvaluationResult.disabled(
              "fails on purpose; run by AuthProviderCompatibilityKitTest");
    }
  }

  /** The kit for a faulty token-in-a-header provider; see {@link FaultyProvider}. */
  @ExtendWith(RunByKitTestOnly.class)
  abstract static class FaultyKit extends AuthProviderCompatibilityKit {
    @Override
    protected Sandbox startSandbox() {
      return Sandbox.builder().headerKey("X-Api-Token").start();
    }

    @Override
    protected Map<String, Object> validSettings(Sandbox sandbox) {
      return Map.of("token", sandbox.headerKey());
    }

    @Override
    protected Map<String, Object> wrongSettings(Sandbox sandbox) {
      return Map.of("token", "not-the-sandbox-token");
    }

    @Override
    protected String sandboxPath() {
      return "/header-key/things";
    }
  }

  static final class LeaksInToStringKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.LeaksInToString();
    }
  }

  static final class LeaksInLogKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.LeaksInLog();
    }
  }

  static final class UnstableKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.Unstable();
    }
  }

  static final class WrongHeaderKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.WrongHeader();
    }
  }

  static final class LaxKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.Lax();
    }
  }

  static final class LeaksInMessageKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.LeaksInMessage();
    }

    @Override
    protected Map<String, Object> validSettings(Sandbox sandbox) {
      return Map.of("token", sandbox.headerKey(), "account", "acme");
    }

    @Override
    protected Map<String, Object> wrongSettings(Sandbox sandbox) {
      return Map.of("token", "not-the-sandbox-token", "account", "acme");
    }
  }

  static final class UndescribedKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.Undescribed();
    }
  }

  static final class UpperCaseTypeKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.UpperCaseType();
    }
  }

  static final class FutureVersionKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.FutureVersion();
    }
  }

  static final class UnregisteredKit extends FaultyKit {
    @Override
    protected AuthProvider provider() {
      return new FaultyProvider.Unregistered();
    }
  }
}
