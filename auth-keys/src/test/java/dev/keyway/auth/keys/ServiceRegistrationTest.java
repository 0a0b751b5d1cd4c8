package dev.keyway.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.spi.AuthProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

  @Test
  @DisplayName("ServiceLoader finds none, header-key, query-key and body-key")
  void registered() {
    assertThat(ServiceLoader.load(AuthProvider.class, getClass().getClassLoader()))
        .filteredOn(
            provider -> provider.getClass().getPackageName().equals(getClass().getPackageName()))
        .extracting(AuthProvider::type)
        .containsExactlyInAnyOrder("none", "header-key", "query-key", "body-key");
  }

  @Test
  @DisplayName("every provider is built for the current SPI version")
  void apiVersion() {
    assertThat(ServiceLoader.load(AuthProvider.class, getClass().getClassLoader()))
        .filteredOn(
            provider -> provider.getClass().getPackageName().equals(getClass().getPackageName()))
        .allSatisfy(
            provider -> assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION));
  }
}
