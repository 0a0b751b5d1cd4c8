package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthProvidersTest {

  @TempDir Path classes;

  /** A well-behaved provider of type {@code good}. */
  public static class GoodProvider implements AuthProvider {
    private final String type;

    public GoodProvider() {
      this("good");
    }

    GoodProvider(String type) {
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
      return List.of();
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      return AuthMethod.NONE;
    }
  }

  /** Claims type {@code twin}. */
  public static final class TwinA extends GoodProvider {
    public TwinA() {
      super("twin");
    }
  }

  /** Also claims type {@code twin}. */
  public static final class TwinB extends GoodProvider {
    public TwinB() {
      super("twin");
    }
  }

  /** Built against an API version newer than this core. */
  public static final class FutureProvider extends GoodProvider {
    public FutureProvider() {
      super("future");
    }

    @Override
    public int apiVersion() {
      return AuthProvider.API_VERSION + 1;
    }
  }

  /** Fails in its constructor. */
  public static final class BrokenProvider extends GoodProvider {
    public BrokenProvider() {
      throw new IllegalStateException("cannot start");
    }
  }

  /** Has a type that is not a lower-case name. */
  public static final class BadTypeProvider extends GoodProvider {
    public BadTypeProvider() {
      super("Bad Type");
    }
  }

  private ClassLoader loaderListing(Class<?>... providers) throws IOException {
    return loaderListing(
        java.util.Arrays.stream(providers).map(Class::getName).toArray(String[]::new));
  }

  private ClassLoader loaderListing(String... providerNames) throws IOException {
    Path services = classes.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(AuthProvider.class.getName()), String.join("\n", providerNames) + "\n");
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  @DisplayName("providers registered in META-INF/services are found by type")
  void findsProviders() throws IOException {
    Map<String, AuthProvider> found =
        AuthProviders.discover(loaderListing(GoodProvider.class, TwinA.class));
    assertThat(found).containsOnlyKeys("good", "twin");
    assertThat(found.get("twin")).isInstanceOf(TwinA.class);
  }

  @Test
  @DisplayName("a class loader without providers yields none, and no error")
  void noProviders() throws IOException {
    assertThat(AuthProviders.discover(loaderListing(new String[0]))).isEmpty();
  }

  @Test
  @DisplayName("two providers claiming one type are refused, naming both classes")
  void twoProvidersForOneType() throws IOException {
    ClassLoader loader = loaderListing(TwinA.class, TwinB.class);
    assertThatThrownBy(() -> AuthProviders.discover(loader))
        .isInstanceOf(ProviderDiscoveryException.class)
        .hasMessageContaining("two providers claim type twin")
        .hasMessageContaining(TwinA.class.getName())
        .hasMessageContaining(TwinB.class.getName());
  }

  @Test
  @DisplayName("a provider built for a newer API version is refused with the versions named")
  void newerApiVersion() throws IOException {
    ClassLoader loader = loaderListing(FutureProvider.class);
    assertThatThrownBy(() -> AuthProviders.discover(loader))
        .isInstanceOf(ProviderDiscoveryException.class)
        .hasMessageContaining(FutureProvider.class.getName())
        .hasMessageContaining("API version " + (AuthProvider.API_VERSION + 1))
        .hasMessageContaining("supports versions 1 to " + AuthProvider.API_VERSION);
  }

  @Test
  @DisplayName("a provider that fails to load is named, and every problem is reported at once")
  void failingProvidersNamed() throws IOException {
    ClassLoader loader =
        loaderListing(
            BrokenProvider.class.getName(),
            "com.example.MissingProvider",
            GoodProvider.class.getName(),
            BadTypeProvider.class.getName());
    assertThatThrownBy(() -> AuthProviders.discover(loader))
        .isInstanceOfSatisfying(
            ProviderDiscoveryException.class,
            e -> {
              assertThat(e.problems()).hasSize(3);
              assertThat(e.getMessage())
                  .contains(BrokenProvider.class.getName())
                  .contains("com.example.MissingProvider")
                  .contains("'Bad Type' is not a lower-case name");
            });
  }

  @Test
  @DisplayName("the same provider class found twice counts once")
  void sameClassTwice() {
    assertThat(AuthProviders.index(List.of(new GoodProvider(), new GoodProvider())))
        .containsOnlyKeys("good");
  }

  @Test
  @DisplayName("an embedder's provider that clashes with a discovered one is refused")
  void indexRefusesClash() {
    assertThatThrownBy(() -> AuthProviders.index(List.of(new TwinA(), new TwinB())))
        .isInstanceOf(ProviderDiscoveryException.class)
        .hasMessageContaining("two providers claim type twin");
  }
}
