package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's OAuthServer controller")
class OAuthServerTest {

  @Test
  @DisplayName("gives URLs under the base URL and random credentials per sandbox")
  void urlsAndRandomCredentials() {
    try (Sandbox first = Sandbox.start();
        Sandbox second = Sandbox.start()) {
      OAuthServer oauth = first.oauth();

      assertThat(oauth.tokenUrl()).hasToString(first.baseUrl() + "/oauth/token");
      assertThat(oauth.loginUrl()).hasToString(first.baseUrl() + "/oauth/login");
      assertThat(oauth.apiUrl()).hasToString(first.baseUrl() + "/oauth/api");
      assertThat(oauth.clientSecret()).hasSize(32).isNotEqualTo(second.oauth().clientSecret());
      assertThat(oauth.clientId()).isNotEqualTo(second.oauth().clientId());
      assertThat(oauth.password()).isNotEqualTo(second.oauth().password());
      assertThat(oauth.loginKey()).isNotEqualTo(second.oauth().loginKey());
      assertThat(oauth.publicClientId()).isNotEqualTo(oauth.clientId());
      assertThat(first.oauth()).isSameAs(oauth);
    }
  }

  @Test
  @DisplayName("toString shows the token URL and client id, never a secret")
  void toStringHidesSecrets() {
    try (Sandbox sandbox = Sandbox.start()) {
      OAuthServer oauth = sandbox.oauth();

      assertThat(oauth.toString())
          .contains(oauth.clientId(), "/oauth/token")
          .doesNotContain(
              oauth.clientSecret(), oauth.password(), oauth.loginPassword(), oauth.loginKey());
    }
  }

  @Test
  @DisplayName("the builder refuses empty or control-character credentials without quoting them")
  void builderRefusals() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Sandbox.builder().oauthClient("id", ""))
        .withMessageContaining("OAuth client secret");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Sandbox.builder().oauthClient("id", "s3cret\n"))
        .withMessageNotContaining("s3cret");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Sandbox.builder().oauthUser("", "p"))
        .withMessageContaining("OAuth username");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Sandbox.builder().oauthLogin("u", "p", "bad\u0001key"))
        .withMessageNotContaining("bad");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Sandbox.builder().oauthPublicClient(null));
  }
}
