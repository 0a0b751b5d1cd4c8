/**
 * Reads private keys and certificates from the text users put in a configuration: {@link
 * dev.keyway.auth.mtls.pem.PemPrivateKey} (every PEM form of an RSA or EC key, encrypted or not),
 * {@link dev.keyway.auth.mtls.pem.PemCertificates} (a certificate, a chain or a CA bundle) and
 * {@link dev.keyway.auth.mtls.pem.Pkcs12File} (a base64 PKCS#12 file).
 *
 * <p>This package is the one place Keyway parses key material, and it is public so that other auth
 * modules reuse it: {@code mtls} and every collection's {@code tls.clientCertificate} read their
 * certificate and key here, and {@code keyway-auth-jwt} reads its signing keys here. Problems are
 * recorded in a {@link dev.keyway.api.ConfigProblems} with the setting's path and what was
 * expected; no message ever holds any part of a key or a password.
 */
package dev.keyway.auth.mtls.pem;
