package dev.keyway.auth.mtls.pem;

import static dev.keyway.auth.mtls.pem.KeyForms.crlf;
import static dev.keyway.auth.mtls.pem.KeyForms.escaped;
import static dev.keyway.auth.mtls.pem.KeyForms.oneLine;
import static dev.keyway.auth.mtls.pem.KeyForms.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PemPrivateKey")
class PemPrivateKeyTest {

  private static final String PATH = "collections.bank.tls.clientCertificate.key";
  private static final String PASSWORD_PATH = "collections.bank.tls.clientCertificate.keyPassword";
  private static final KeyPair RSA = KeyForms.rsa();
  private static final KeyPair EC = KeyForms.ec("secp256r1");

  private final ConfigProblems problems = new ConfigProblems();

  private Optional<PrivateKey> read(String pem) {
    return read(pem, null);
  }

  private Optional<PrivateKey> read(String pem, String password) {
    return PemPrivateKey.read(
        Secret.of(pem),
        Optional.ofNullable(password).map(Secret::of),
        PATH,
        PASSWORD_PATH,
        problems);
  }

  private List<String> problemTexts() {
    return problems.list().stream().map(ConfigProblem::toString).toList();
  }

  private static void assertSameKey(Optional<PrivateKey> read, PrivateKey expected) {
    assertThat(read).isPresent();
    PrivateKey key = read.get();
    assertThat(key.getAlgorithm()).isEqualTo(expected.getAlgorithm());
    if (expected instanceof RSAPrivateKey rsa) {
      assertThat(((RSAPrivateKey) key).getModulus()).isEqualTo(rsa.getModulus());
      assertThat(((RSAPrivateKey) key).getPrivateExponent()).isEqualTo(rsa.getPrivateExponent());
    } else if (expected instanceof ECPrivateKey ec) {
      assertThat(((ECPrivateKey) key).getS()).isEqualTo(ec.getS());
    } else {
      assertThat(key.getEncoded()).isEqualTo(expected.getEncoded());
    }
  }

  @Nested
  @DisplayName("reads")
  class Reads {

    @Test
    @DisplayName("an RSA key as PKCS#8 (BEGIN PRIVATE KEY) and PKCS#1 (BEGIN RSA PRIVATE KEY)")
    void rsa() {
      assertSameKey(read(KeyForms.pkcs8(RSA.getPrivate())), RSA.getPrivate());
      String pkcs1 = KeyForms.traditional(RSA.getPrivate());
      assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
      assertSameKey(read(pkcs1), RSA.getPrivate());
      assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("an EC key as PKCS#8 and SEC1 (BEGIN EC PRIVATE KEY), on P-256 and P-384")
    void ec() {
      KeyPair p384 = KeyForms.ec("secp384r1");
      String sec1 = KeyForms.traditional(EC.getPrivate());
      assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");

      assertSameKey(read(KeyForms.pkcs8(EC.getPrivate())), EC.getPrivate());
      assertSameKey(read(sec1), EC.getPrivate());
      assertSameKey(read(KeyForms.traditional(p384.getPrivate())), p384.getPrivate());
      assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("an encrypted PKCS#8 key (BEGIN ENCRYPTED PRIVATE KEY) with its password")
    void encryptedPkcs8() {
      assertSameKey(
          read(KeyForms.encryptedPkcs8(RSA.getPrivate(), "s3cret pass"), "s3cret pass"),
          RSA.getPrivate());
      assertSameKey(
          read(KeyForms.encryptedPkcs8(EC.getPrivate(), "pässword"), "pässword"), EC.getPrivate());
    }

    @Test
    @DisplayName("a key with OpenSSL's legacy Proc-Type: 4,ENCRYPTED, also pasted on one line")
    void legacyEncrypted() {
      String pem = KeyForms.legacyEncrypted(RSA.getPrivate(), "old-style");
      assertThat(pem).contains("Proc-Type: 4,ENCRYPTED");

      assertSameKey(read(pem, "old-style"), RSA.getPrivate());
      assertSameKey(read(oneLine(pem), "old-style"), RSA.getPrivate());
      assertSameKey(read(KeyForms.legacyEncrypted(EC.getPrivate(), "ec"), "ec"), EC.getPrivate());
    }

    @Test
    @DisplayName("a key pasted on one line with spaces, with CRLF, indented, or with \\n escapes")
    void pastedForms() {
      String pkcs1 = KeyForms.traditional(RSA.getPrivate());
      String sec1 = KeyForms.traditional(EC.getPrivate());

      assertSameKey(read(oneLine(pkcs1)), RSA.getPrivate());
      assertSameKey(read(oneLine(sec1)), EC.getPrivate());
      assertSameKey(read(crlf(pkcs1)), RSA.getPrivate());
      assertSameKey(read("\n\n   " + pkcs1 + "   \n\t"), RSA.getPrivate());
      assertSameKey(read(pkcs1.replace("\n", "\n    ")), RSA.getPrivate());
      assertSameKey(read(escaped(sec1)), EC.getPrivate());
      assertSameKey(
          read(oneLine(KeyForms.encryptedPkcs8(RSA.getPrivate(), "p")), "p"), RSA.getPrivate());
      assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a key file with a certificate or EC PARAMETERS beside the key")
    void combinedFiles() {
      assertThat(read(resource("/openssl/ec-with-parameters.pem"))).isPresent();
      assertThat(
              read(resource("/openssl/p12-cert.pem") + KeyForms.pkcs8(EC.getPrivate()))
                  .map(PrivateKey::getAlgorithm))
          .contains("EC");
      assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("the keys OpenSSL writes: PKCS#1, legacy and PKCS#8 encrypted, Ed25519")
    void opensslFiles() {
      PrivateKey pkcs1 = read(resource("/openssl/rsa-pkcs1.pem")).orElseThrow();

      assertSameKey(read(resource("/openssl/rsa-pkcs1-encrypted.pem"), "fixture-password"), pkcs1);
      assertSameKey(read(resource("/openssl/rsa-pkcs8-encrypted.pem"), "fixture-password"), pkcs1);
      assertThat(read(resource("/openssl/ed25519.pem")).map(PrivateKey::getAlgorithm))
          .hasValueSatisfying(algorithm -> assertThat(algorithm).startsWith("Ed"));
      assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a key that is not encrypted even when a password is set")
    void unneededPassword() {
      assertSameKey(read(KeyForms.pkcs8(RSA.getPrivate()), "unused"), RSA.getPrivate());
    }
  }

  @Nested
  @DisplayName("refuses, naming the path and what was expected")
  class Refuses {

    @Test
    @DisplayName("text without any PEM block")
    void notPem() {
      assertThat(read("my-private-key")).isEmpty();
      assertThat(read("")).isEmpty();

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": not a PEM private key (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or"
                  + " BEGIN EC PRIVATE KEY)",
              PATH
                  + ": not a PEM private key (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or"
                  + " BEGIN EC PRIVATE KEY)");
    }

    @Test
    @DisplayName("a key cut off before its END line")
    void truncatedEnd() {
      String pem = KeyForms.traditional(RSA.getPrivate());

      assertThat(read(pem.substring(0, pem.length() / 2))).isEmpty();

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": the BEGIN RSA PRIVATE KEY block has no END RSA PRIVATE KEY line; it looks"
                  + " cut off, so copy all of it");
    }

    @Test
    @DisplayName("a key whose middle is missing")
    void truncatedBody() {
      String pem = KeyForms.traditional(RSA.getPrivate());
      List<String> lines = new java.util.ArrayList<>(List.of(pem.split("\n")));
      lines.subList(5, 12).clear();

      assertThat(read(String.join("\n", lines))).isEmpty();

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": the BEGIN RSA PRIVATE KEY block does not hold a valid private key; it looks"
                  + " damaged or cut off, so copy it again");
    }

    @Test
    @DisplayName("a key whose body is not base64")
    void notBase64() {
      assertThat(read("-----BEGIN PRIVATE KEY-----\nnot*base64!\n-----END PRIVATE KEY-----"))
          .isEmpty();

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": the BEGIN PRIVATE KEY block is not valid base64; it looks damaged or cut"
                  + " off, so copy it again");
    }

    @Test
    @DisplayName("a certificate where a key is expected")
    void certificate() {
      assertThat(read(resource("/openssl/p12-cert.pem"))).isEmpty();

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": holds a certificate (BEGIN CERTIFICATE), not a private key (expected BEGIN"
                  + " PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    }

    @Test
    @DisplayName("a public key, an OpenSSH key and a DSA key")
    void wrongKinds() {
      read(KeyForms.pem("PUBLIC KEY", RSA.getPublic().getEncoded()));
      read(KeyForms.pem("OPENSSH PRIVATE KEY", new byte[] {1, 2, 3}));
      read(KeyForms.pem("DSA PRIVATE KEY", new byte[] {1, 2, 3}));

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": holds a public key (BEGIN PUBLIC KEY), not a private key (expected BEGIN"
                  + " PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)",
              PATH
                  + ": holds an OpenSSH key (BEGIN OPENSSH PRIVATE KEY), which is not supported;"
                  + " convert a copy to PKCS#8 with: ssh-keygen -p -m PKCS8 -f <copy of the key"
                  + " file>",
              PATH
                  + ": holds a DSA key (BEGIN DSA PRIVATE KEY), which is not supported; use an RSA"
                  + " or EC key");
    }

    @Test
    @DisplayName("two keys in one value")
    void twoKeys() {
      read(KeyForms.pkcs8(RSA.getPrivate()) + KeyForms.pkcs8(EC.getPrivate()));

      assertThat(problemTexts())
          .containsExactly(PATH + ": holds 2 private keys; expected exactly one");
    }

    @Test
    @DisplayName("an encrypted key without a password, naming the password setting")
    void missingPassword() {
      read(KeyForms.encryptedPkcs8(RSA.getPrivate(), "p"));
      read(KeyForms.legacyEncrypted(RSA.getPrivate(), "p"));

      assertThat(problemTexts())
          .containsExactly(
              PATH
                  + ": the key is encrypted (BEGIN ENCRYPTED PRIVATE KEY); set keyPassword to its"
                  + " password",
              PATH
                  + ": the key is encrypted (BEGIN RSA PRIVATE KEY with Proc-Type: 4,ENCRYPTED);"
                  + " set keyPassword to its password");
    }

    @Test
    @DisplayName("a wrong password, at the password's path")
    void wrongPassword() {
      read(KeyForms.encryptedPkcs8(RSA.getPrivate(), "right"), "wrong");
      read(KeyForms.legacyEncrypted(EC.getPrivate(), "right"), "wrong");

      assertThat(problemTexts())
          .containsExactly(
              PASSWORD_PATH
                  + ": does not decrypt the key; check the password (or the key is damaged)",
              PASSWORD_PATH
                  + ": does not decrypt the key; check the password (or the key is damaged)");
    }

    @Test
    @DisplayName("without any part of the key or the password in a message")
    void noKeyBytes() {
      String pem = KeyForms.traditional(RSA.getPrivate());
      String damaged = pem.replace(KeyForms.bodyLines(pem).get(3), "");
      read(damaged);
      read(pem.substring(0, pem.length() - 40));
      read(KeyForms.encryptedPkcs8(RSA.getPrivate(), "the-password-123"), "wrong-password-456");
      read(oneLine(pem).replace("END RSA", "END EC"));

      String messages = String.join("\n", problemTexts());
      assertThat(problems.list()).hasSize(4);
      for (String line : KeyForms.bodyLines(pem)) {
        assertThat(messages).doesNotContain(line);
      }
      assertThat(messages).doesNotContain("password-123").doesNotContain("password-456");
    }
  }

  @Test
  @DisplayName("reads from settings, and reports a missing key as required")
  void fromSettings() {
    MapSettings settings = MapSettings.of("privateKey", KeyForms.pkcs8(EC.getPrivate()));

    assertThat(PemPrivateKey.read(settings, "privateKey", "keyPassword", problems)).isPresent();
    assertThat(PemPrivateKey.read(MapSettings.of(), "privateKey", "keyPassword", problems))
        .isEmpty();
    assertThat(problemTexts()).containsExactly("collections.x.auth.privateKey: required");
  }
}
