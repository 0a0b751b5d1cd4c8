package dev.keyway.auth.mtls.pem;

import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.spi.ClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a client certificate and its key from a PKCS#12 file ({@code .p12}, {@code .pfx}) given as
 * base64 text: configuration values are text, so a binary file is stored as its base64 (for example
 * {@code base64 -w0 client.p12}) in the secret store, an environment variable or a file read with
 * {@code ${file:...}}. Line breaks and spaces in the base64 are ignored.
 *
 * <p>The file must hold exactly one private key with its certificate chain; the password opens both
 * the file and the key, as every common tool writes them. Problems name the setting's path, never
 * any part of the file or the password. Thread-safe.
 */
public final class Pkcs12File {

  private Pkcs12File() {}

  /**
   * Returns the key and chain in {@code base64}, opened with {@code password} (none means the empty
   * password), or records a problem at {@code path} (a wrong password at {@code passwordPath}) and
   * returns empty.
   */
  public static Optional<ClientCertificate> read(
      Secret base64,
      Optional<Secret> password,
      String path,
      String passwordPath,
      ConfigProblems problems) {
    Objects.requireNonNull(base64, "base64");
    Objects.requireNonNull(password, "password");
    String text = base64.reveal();
    if (text.contains("-----BEGIN")) {
      problems.add(
          path,
          "holds PEM text, not a base64 PKCS#12 file; give a PEM certificate and key in"
              + " certificate and key instead");
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length == 0 || bytes[0] != 0x30) {
      problems.add(
          path,
          "not a base64-encoded PKCS#12 file; ${file:...} cannot read a binary .p12, so store"
              + " its base64 (base64 -w0 client.p12) and refer to that");
      return Optional.empty();
    }
    char[] chars = password.map(secret -> secret.reveal().toCharArray()).orElse(new char[0]);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), chars);
      return entry(store, chars, path, problems);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        problems.add(
            passwordPath,
            password.isEmpty()
                ? "required: the PKCS#12 file is protected by a password"
                : "does not open the PKCS#12 file; check the password");
      } else {
        problems.add(
            path,
            "not a readable PKCS#12 file (or the password is wrong); it looks damaged or cut off,"
                + " so encode it again");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      problems.add(
          path, "the PKCS#12 file could not be read (" + e.getClass().getSimpleName() + ")");
    } finally {
      Arrays.fill(chars, '\0');
    }
    return Optional.empty();
  }

  private static Optional<ClientCertificate> entry(
      KeyStore store, char[] password, String path, ConfigProblems problems)
      throws GeneralSecurityException {
    List<String> keyAliases = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keyAliases.add(alias);
      }
    }
    if (keyAliases.size() != 1) {
      problems.add(
          path,
          keyAliases.isEmpty()
              ? "the PKCS#12 file holds no private key; it needs the client certificate's key"
              : "the PKCS#12 file holds "
                  + keyAliases.size()
                  + " private keys; expected exactly one");
      return Optional.empty();
    }
    String alias = keyAliases.get(0);
    Key key = store.getKey(alias, password);
    Certificate[] chain = store.getCertificateChain(alias);
    if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
      problems.add(path, "the PKCS#12 file holds a key without its certificate");
      return Optional.empty();
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : chain) {
      if (!(certificate instanceof X509Certificate x509)) {
        problems.add(path, "the PKCS#12 file holds a certificate that is not X.509");
        return Optional.empty();
      }
      certificates.add(x509);
    }
    return Optional.of(new ClientCertificate(privateKey, certificates));
  }
}
