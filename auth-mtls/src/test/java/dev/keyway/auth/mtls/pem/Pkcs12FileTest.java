package dev.keyway.auth.mtls.pem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.TestCa;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pkcs12File")
class Pkcs12FileTest {

  private static final String PATH = "collections.bank.auth.pkcs12";
  private static final String PASSWORD_PATH = "collections.bank.auth.password";
  private static final TestCa CA = TestCa.create("Test CA");
  private static final IssuedCertificate CLIENT = CA.issueClient("client");

  private final ConfigProblems problems = new ConfigProblems();

  private Optional<ClientCertificate> read(String base64, String password) {
    return Pkcs12File.read(
        Secret.of(base64),
        Optional.ofNullable(password).map(Secret::of),
        PATH,
        PASSWORD_PATH,
        problems);
  }

  private List<String> problemTexts() {
    return problems.list().stream().map(ConfigProblem::toString).toList();
  }

  /** Returns a PKCS#12 file made by the JDK, base64-encoded. */
  private static String pkcs12(String password, boolean withKey) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    if (withKey) {
      store.setKeyEntry(
          "client",
          CLIENT.privateKey(),
          password.toCharArray(),
          CLIENT.chain().toArray(Certificate[]::new));
    } else {
      store.setCertificateEntry("ca", CA.certificate());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password.toCharArray());
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  @Test
  @DisplayName("reads the key and chain of a JDK-made file, also with line breaks in the base64")
  void readsJdkFile() throws Exception {
    String base64 = pkcs12("p12-pass", true);
    String wrapped = base64.replaceAll("(.{76})", "$1\n");

    Optional<ClientCertificate> read = read(wrapped, "p12-pass");

    assertThat(read).isPresent();
    assertThat(read.get().chain()).isEqualTo(CLIENT.chain());
    assertThat(read.get().key().getEncoded()).isEqualTo(CLIENT.privateKey().getEncoded());
  }

  @Test
  @DisplayName("reads a file made by OpenSSL")
  void readsOpensslFile() {
    Optional<ClientCertificate> read =
        read(KeyForms.resource("/openssl/client.p12.b64"), "fixture-password");

    assertThat(read.map(certificate -> certificate.chain().get(0).getSubjectX500Principal()))
        .hasValueSatisfying(
            subject -> assertThat(subject.getName()).isEqualTo("CN=openssl-client"));
  }

  @Test
  @DisplayName("reports a wrong or missing password at the password's path")
  void wrongPassword() throws Exception {
    String base64 = pkcs12("p12-pass", true);

    assertThat(read(base64, "wrong")).isEmpty();
    assertThat(read(base64, null)).isEmpty();

    assertThat(problemTexts())
        .containsExactly(
            PASSWORD_PATH + ": does not open the PKCS#12 file; check the password",
            PASSWORD_PATH + ": required: the PKCS#12 file is protected by a password");
  }

  @Test
  @DisplayName("refuses PEM text, text that is not base64 PKCS#12, and a file without a key")
  void refusesOtherContent() throws Exception {
    read(CLIENT.certificatePem(), "x");
    read("certs/client.p12", "x");
    read(pkcs12("p12-pass", false), "p12-pass");
    read(pkcs12("p12-pass", true).substring(0, 400), "p12-pass");

    assertThat(problemTexts())
        .containsExactly(
            PATH
                + ": holds PEM text, not a base64 PKCS#12 file; give a PEM certificate and key in"
                + " certificate and key instead",
            PATH
                + ": not a base64-encoded PKCS#12 file; ${file:...} cannot read a binary .p12, so"
                + " store its base64 (base64 -w0 client.p12) and refer to that",
            PATH + ": the PKCS#12 file holds no private key; it needs the client certificate's key",
            PATH
                + ": not a readable PKCS#12 file (or the password is wrong); it looks damaged or"
                + " cut off, so encode it again");
  }
}
