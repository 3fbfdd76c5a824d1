package org.ecovalue.embedded.tls;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a TLS client (ingest, the simulator) trusts for an {@code ssl://} MQTT broker,
 * from one file: a CA file as Mosquitto's own configuration uses it ({@code cafile}, PEM with one
 * or more certificates, or DER), or a PKCS#12 trust store ({@code .p12}/{@code .pfx}, with its
 * password). Nothing else is trusted: not the JVM's default CAs.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** A TLS context trusting exactly the certificates in {@code file}. */
    public static SSLContext sslContext(Path file, char[] password) {
        try {
            KeyStore trust = load(file, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the trusted certificates in " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, password);
            }
            return ks;
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate in the file");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certificates) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }
}
