package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.SecretMetadata;
import dev.keyway.core.secrets.SecretStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the kit against an in-memory store, correct and then with one fault at a time, and checks
 * that exactly the kit tests about that fault fail.
 */
@DisplayName("SecretStoreCompatibilityKit")
class SecretStoreCompatibilityKitTest {

  private static Set<String> failedTests(Class<? extends SecretStoreCompatibilityKit> kit) {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(
                AuthProviderCompatibilityKitTest.RunByKitTestOnly.PARAMETER, "true")
            .selectors(selectClass(kit))
            .execute()
            .testEvents();
    assertThat(tests.started().count()).as("kit tests run").isEqualTo(9);
    return tests.failed().stream()
        .map(event -> event.getTestDescriptor().getSource().orElseThrow())
        .map(source -> ((MethodSource) source).getMethodName())
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName("passes a correct store")
  void correct() {
    assertThat(failedTests(CorrectKit.class)).isEmpty();
  }

  @Test
  @DisplayName("catches a store that answers one environment with another's value")
  void mixesEnvironments() {
    assertThat(failedTests(MixesEnvironmentsKit.class))
        .containsExactlyInAnyOrder("environmentsApart", "deletes");
  }

  @Test
  @DisplayName("catches a value in toString()")
  void leaks() {
    assertThat(failedTests(LeaksKit.class)).containsExactly("valuesHidden");
  }

  @Test
  @DisplayName("catches a store that accepts any name")
  void anyName() {
    assertThat(failedTests(AnyNameKit.class)).containsExactly("badNames");
  }

  @Test
  @DisplayName("catches a list that is not in order or not dated by the clock")
  void unordered() {
    assertThat(failedTests(UnorderedKit.class)).containsExactly("lists");
  }

  /** A store in a map, with switchable faults. */
  static class MapStore implements SecretStore {
    record Entry(Secret value, java.time.Instant changed) {}

    final Map<String, Entry> values = new ConcurrentHashMap<>();
    final Clock clock;

    MapStore(Clock clock) {
      this.clock = clock;
    }

    String key(String name, Environment environment) {
      return SecretStore.checkName(name) + "@" + environment.configName();
    }

    @Override
    public Optional<Secret> find(String name, Environment environment) {
      return Optional.ofNullable(values.get(key(name, environment))).map(Entry::value);
    }

    @Override
    public void put(String name, Environment environment, Secret value) {
      values.put(key(name, environment), new Entry(value, clock.instant()));
    }

    @Override
    public boolean delete(String name, Environment environment) {
      return values.remove(key(name, environment)) != null;
    }

    @Override
    public List<SecretMetadata> list() {
      List<SecretMetadata> list = new ArrayList<>();
      values.forEach(
          (key, entry) -> {
            int at = key.lastIndexOf('@');
            list.add(
                new SecretMetadata(
                    key.substring(0, at),
                    Environment.parse(key.substring(at + 1)).orElseThrow(),
                    entry.changed()));
          });
      list.sort(
          Comparator.comparing(SecretMetadata::name).thenComparing(SecretMetadata::environment));
      return list;
    }

    @Override
    public String toString() {
      return "MapStore[" + values.size() + "]";
    }
  }

  @ExtendWith(AuthProviderCompatibilityKitTest.RunByKitTestOnly.class)
  static class CorrectKit extends SecretStoreCompatibilityKit {
    @Override
    protected SecretStore newStore(Clock clock) {
      return new MapStore(clock);
    }
  }

  static final class MixesEnvironmentsKit extends CorrectKit {
    @Override
    protected SecretStore newStore(Clock clock) {
      return new MapStore(clock) {
        @Override
        public Optional<Secret> find(String name, Environment environment) {
          Optional<Secret> found = super.find(name, environment);
          return found.isPresent() ? found : super.find(name, Environment.LIVE);
        }
      };
    }
  }

  static final class LeaksKit extends CorrectKit {
    @Override
    protected SecretStore newStore(Clock clock) {
      return new MapStore(clock) {
        @Override
        public String toString() {
          return values.values().stream().map(e -> e.value().reveal()).toList().toString();
        }
      };
    }
  }

  static final class AnyNameKit extends CorrectKit {
    @Override
    protected SecretStore newStore(Clock clock) {
      return new MapStore(clock) {
        @Override
        String key(String name, Environment environment) {
          return name + "@" + environment.configName();
        }
      };
    }
  }

  static final class UnorderedKit extends CorrectKit {
    @Override
    protected SecretStore newStore(Clock clock) {
      return new MapStore(Clock.systemUTC()) {
        @Override
        public List<SecretMetadata> list() {
          List<SecretMetadata> list = new ArrayList<>(super.list());
          java.util.Collections.reverse(list);
          return list;
        }
      };
    }
  }
}
