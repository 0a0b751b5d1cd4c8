package dev.keyway.testkit;

import io.netty.handler.ssl.SslHandler;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import reactor.netty.Connection;

/**
 * Reads the client certificate chain of a TLS connection and checks it against the test CA with the
 * JDK's PKIX validator, the way an upstream that terminates TLS itself would.
 */
final class PeerCertificates {

  private PeerCertificates() {}

  /** Returns who called over {@code connection}, for a request to {@code rawPath}. */
  static TlsCaller caller(Connection connection, String rawPath, X509Certificate ca) {
    SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
    if (ssl == null) {
      return new TlsCaller(rawPath, Optional.empty(), false);
    }
    Certificate[] chain;
    try {
      chain = ssl.engine().getSession().getPeerCertificates();
    } catch (SSLPeerUnverifiedException noCertificate) {
      return new TlsCaller(rawPath, Optional.empty(), false);
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return new TlsCaller(rawPath, Optional.empty(), false);
    }
    String subject = leaf.getSubjectX500Principal().getName();
    return new TlsCaller(rawPath, Optional.of(subject), issuedBy(chain, ca));
  }

  /** Returns whether {@code chain} (leaf first) leads to {@code ca} and is valid now. */
  static boolean issuedBy(Certificate[] chain, X509Certificate ca) {
    List<Certificate> path = new ArrayList<>();
    for (Certificate certificate : chain) {
      if (!certificate.equals(ca)) {
        path.add(certificate);
      }
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
