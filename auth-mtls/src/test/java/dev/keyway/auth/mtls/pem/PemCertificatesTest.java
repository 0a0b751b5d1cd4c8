package dev.keyway.auth.mtls.pem;

import static dev.keyway.auth.mtls.pem.KeyForms.crlf;
import static dev.keyway.auth.mtls.pem.KeyForms.oneLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.TestCa;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PemCertificates")
class PemCertificatesTest {

  private static final String PATH = "collections.bank.tls.clientCertificate.certificate";
  private static final TestCa CA = TestCa.create("Test CA");
  private static final IssuedCertificate CLIENT = CA.issueClient("client");

  private final ConfigProblems problems = new ConfigProblems();

  private Optional<List<X509Certificate>> read(String pem) {
    return PemCertificates.read(pem, PATH, problems);
  }

  private List<String> problemTexts() {
    return problems.list().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  @DisplayName("reads one certificate and a chain, in order")
  void readsChain() {
    assertThat(read(CLIENT.certificatePem())).contains(List.of(CLIENT.certificate()));
    assertThat(read(CLIENT.chainPem())).contains(CLIENT.chain());
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("reads a chain pasted on one line, with CRLF, or with text around the blocks")
  void readsPastedForms() {
    String chain = CLIENT.chainPem();

    assertThat(read(oneLine(chain))).contains(CLIENT.chain());
    assertThat(read(crlf(chain))).contains(CLIENT.chain());
    assertThat(read("subject=CN=client\nissuer=CN=Test CA\n" + chain + "\n\n"))
        .contains(CLIENT.chain());
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("refuses text that is not PEM")
  void refusesText() {
    read("client.pem");

    assertThat(problemTexts())
        .containsExactly(PATH + ": not a PEM certificate (expected BEGIN CERTIFICATE)");
  }

  @Test
  @DisplayName("refuses a private key, so that a key is only ever in a secret setting")
  void refusesPrivateKey() {
    read(CLIENT.certificatePem() + CLIENT.privateKeyPem());

    assertThat(problemTexts())
        .containsExactly(
            PATH
                + ": holds a private key (BEGIN PRIVATE KEY), which belongs in the key setting, not"
                + " with the certificates (expected BEGIN CERTIFICATE)");
  }

  @Test
  @DisplayName("refuses a public key, a cut-off certificate and a damaged one")
  void refusesDamaged() {
    String pem = CLIENT.certificatePem();
    List<String> lines = KeyForms.bodyLines(pem);

    read(KeyForms.pem("PUBLIC KEY", CLIENT.certificate().getPublicKey().getEncoded()));
    read(pem.substring(0, pem.length() - 30));
    read(CA.certificatePem() + pem.replace(lines.get(1), lines.get(1).replace('A', 'B')));
    read(CA.certificatePem() + pem.replace(lines.get(1) + "\n", ""));

    assertThat(problemTexts())
        .containsExactly(
            PATH + ": holds no certificate (found BEGIN PUBLIC KEY; expected BEGIN CERTIFICATE)",
            PATH
                + ": the BEGIN CERTIFICATE block has no END CERTIFICATE line; it looks cut off, so"
                + " copy all of it",
            PATH
                + ": certificate 2 of 2 is not a valid X.509 certificate; it looks damaged or cut"
                + " off, so copy it again",
            PATH
                + ": certificate 2 of 2 is not a valid X.509 certificate; it looks damaged or cut"
                + " off, so copy it again");
  }
}
