package dev.keyway.auth.mtls.pem;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.Settings;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a private key from PEM text, in every form OpenSSL and the usual tools write:
 *
 * <ul>
 *   <li>PKCS#8 ({@code BEGIN PRIVATE KEY}): RSA, EC, Ed25519;
 *   <li>encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}), with a password;
 *   <li>PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC ({@code BEGIN EC PRIVATE KEY}), also
 *       with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} encryption and a password;
 * </ul>
 *
 * <p>with surrounding whitespace, Windows line ends, or the whole key on one line with spaces where
 * the line breaks were, as users paste it into a form field. Certificates or an {@code EC
 * PARAMETERS} block beside the key are skipped, so a combined file works.
 *
 * <pre>{@code
 * ConfigProblems problems = new ConfigProblems();
 * Optional<PrivateKey> key = PemPrivateKey.read(settings, "privateKey", "keyPassword", problems);
 * problems.throwIfAny();
 * }</pre>
 *
 * <p>Every problem is recorded with the setting's path and says what was expected: {@code
 * collections.bank.tls.clientCertificate.key: not a PEM private key (expected BEGIN PRIVATE KEY,
 * BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)}. No message ever holds any part of the key or the
 * password. Keys come back as the JDK's own key objects; Bouncy Castle is used without being
 * registered as a security provider. Thread-safe.
 */
public final class PemPrivateKey {

  /** The message for text that holds no private key at all. */
  static final String EXPECTED =
      "expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY";

  private static final Set<String> KEY_TYPES =
      Set.of("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY");
  private static final Set<String> SKIPPED =
      Set.of("EC PARAMETERS", "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private PemPrivateKey() {}

  /**
   * Reads setting {@code keySetting} of {@code settings} as a PEM private key, decrypted with
   * setting {@code passwordSetting} if the key is encrypted. Records "required" when the key is
   * absent, and every other problem at its path; returns empty when there is any.
   */
  public static Optional<PrivateKey> read(
      Settings settings, String keySetting, String passwordSetting, ConfigProblems problems) {
    Secret pem = problems.requireSecret(settings, keySetting);
    if (pem == null) {
      return Optional.empty();
    }
    return read(
        pem,
        settings.secret(passwordSetting),
        settings.path(keySetting),
        settings.path(passwordSetting),
        problems);
  }

  /**
   * Reads {@code pem} as a private key, decrypted with {@code password} if it is encrypted. {@code
   * path} names the key's setting and {@code passwordPath} the password's, for problems; returns
   * empty when a problem was recorded.
   */
  public static Optional<PrivateKey> read(
      Secret pem,
      Optional<Secret> password,
      String path,
      String passwordPath,
      ConfigProblems problems) {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(password, "password");
    try {
      return Optional.of(decode(onlyKey(PemText.blocks(pem.reveal())), password, passwordPath));
    } catch (PemFormatException e) {
      problems.add(path, e.getMessage());
    } catch (WrongPasswordException e) {
      problems.add(passwordPath, e.getMessage());
    }
    return Optional.empty();
  }

  private static PemBlock onlyKey(List<PemBlock> blocks) throws PemFormatException {
    List<PemBlock> keys = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (PemBlock block : blocks) {
      if (KEY_TYPES.contains(block.type())) {
        keys.add(block);
      } else if (!SKIPPED.contains(block.type())) {
        others.add(block.type());
      }
    }
    if (keys.size() == 1) {
      return keys.get(0);
    }
    if (keys.size() > 1) {
      throw new PemFormatException("holds " + keys.size() + " private keys; expected exactly one");
    }
    if (others.contains("OPENSSH PRIVATE KEY")) {
      throw new PemFormatException(
          "holds an OpenSSH key (BEGIN OPENSSH PRIVATE KEY), which is not supported; convert a"
              + " copy to PKCS#8 with: ssh-keygen -p -m PKCS8 -f <copy of the key file>");
    }
    if (others.contains("DSA PRIVATE KEY")) {
      throw new PemFormatException(
          "holds a DSA key (BEGIN DSA PRIVATE KEY), which is not supported; use an RSA or EC key");
    }
    if (blocks.isEmpty()) {
      throw new PemFormatException("not a PEM private key (" + EXPECTED + ")");
    }
    String found = blocks.get(0).type();
    String what =
        found.contains("CERTIFICATE") && !found.contains("REQUEST")
            ? "a certificate"
            : found.contains("PUBLIC KEY") ? "a public key" : "something else";
    throw new PemFormatException(
        "holds " + what + " (BEGIN " + found + "), not a private key (" + EXPECTED + ")");
  }

  private static PrivateKey decode(PemBlock block, Optional<Secret> password, String passwordPath)
      throws PemFormatException, WrongPasswordException {
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(block.canonicalText()))) {
      parsed = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw damaged(block);
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (parsed instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (parsed instanceof PEMKeyPair pair) {
        // Not getKeyPair: the public key is optional in SEC1, and the private key is enough.
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        return converter.getPrivateKey(decrypt(encrypted, block, password, passwordPath));
      }
      if (parsed instanceof PEMEncryptedKeyPair encrypted) {
        PEMKeyPair pair = decrypt(encrypted, block, password, passwordPath);
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(block);
    }
    throw damaged(block);
  }

  private static PrivateKeyInfo decrypt(
      PKCS8EncryptedPrivateKeyInfo encrypted,
      PemBlock block,
      Optional<Secret> password,
      String passwordPath)
      throws WrongPasswordException, PemFormatException {
    char[] chars = passwordChars(block, password, passwordPath);
    try {
      InputDecryptorProvider decryptor =
          new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(chars);
      return encrypted.decryptPrivateKeyInfo(decryptor);
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      throw new WrongPasswordException();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static PEMKeyPair decrypt(
      PEMEncryptedKeyPair encrypted, PemBlock block, Optional<Secret> password, String passwordPath)
      throws WrongPasswordException, PemFormatException {
    char[] chars = passwordChars(block, password, passwordPath);
    try {
      return encrypted.decryptKeyPair(
          new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(chars));
    } catch (IOException | RuntimeException e) {
      throw new WrongPasswordException();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static char[] passwordChars(
      PemBlock block, Optional<Secret> password, String passwordPath) throws PemFormatException {
    if (password.isEmpty()) {
      String setting = passwordPath.substring(passwordPath.lastIndexOf('.') + 1);
      throw new PemFormatException(
          "the key is encrypted (BEGIN "
              + block.type()
              + (block.legacyEncrypted() ? " with Proc-Type: 4,ENCRYPTED" : "")
              + "); set "
              + setting
              + " to its password");
    }
    return password.get().reveal().toCharArray();
  }

  private static PemFormatException damaged(PemBlock block) {
    return new PemFormatException(
        "the BEGIN "
            + block.type()
            + " block does not hold a valid private key; it looks damaged or cut off, so copy it"
            + " again");
  }

  /** The password does not decrypt the key. Its message is for the password's path. */
  private static final class WrongPasswordException extends Exception {

    private static final long serialVersionUID = 1L;

    WrongPasswordException() {
      super("does not decrypt the key; check the password (or the key is damaged)");
    }
  }
}
