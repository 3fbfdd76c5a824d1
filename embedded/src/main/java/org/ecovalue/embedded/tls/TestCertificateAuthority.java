package org.ecovalue.embedded.tls;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests (BouncyCastle, which Milo brings): a CA and a server
 * certificate for localhost / 127.0.0.1 signed by it, written as the PEM files Mosquitto's
 * {@code cafile}, {@code certfile} and {@code keyfile} want. Clients trust {@link #caFile()}.
 */
public final class TestCertificateAuthority {

    private final Path caFile;
    private final Path serverCertFile;
    private final Path serverKeyFile;

    private TestCertificateAuthority(Path caFile, Path serverCertFile, Path serverKeyFile) {
        this.caFile = caFile;
        this.serverCertFile = serverCertFile;
        this.serverKeyFile = serverKeyFile;
    }

    /** Creates a CA named {@code caName} and a server certificate for localhost/127.0.0.1 in {@code dir}. */
    public static TestCertificateAuthority create(Path dir, String caName) throws Exception {
        Files.createDirectories(dir);
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofHours(1)));
        Date until = Date.from(now.plus(Duration.ofDays(2)));
        KeyPair caKeys = rsa();
        X500Name ca = new X500Name("CN=" + caName + ",O=EcoValue tests");
        JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(ca, BigInteger.ONE, from, until, ca,
                caKeys.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCert = sign(caBuilder, caKeys);

        KeyPair serverKeys = rsa();
        JcaX509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCert, BigInteger.TWO, from, until,
                new X500Name("CN=localhost,O=EcoValue tests"), serverKeys.getPublic());
        server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        // clients check the host name of ssl://127.0.0.1:PORT against the subjectAltName (RFC 6125)
        server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate serverCert = sign(server, caKeys);

        Path caFile = dir.resolve("ca.crt");
        Path certFile = dir.resolve("server.crt");
        Path keyFile = dir.resolve("server.key");
        Files.writeString(caFile, pem("CERTIFICATE", caCert.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(certFile, pem("CERTIFICATE", serverCert.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(keyFile, pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        return new TestCertificateAuthority(caFile, certFile, keyFile);
    }

    /** The CA certificate (PEM): what clients trust. */
    public Path caFile() {
        return caFile;
    }

    /** The server certificate (PEM), signed by the CA. */
    public Path serverCertFile() {
        return serverCertFile;
    }

    /** The server's private key (PEM, PKCS#8, unencrypted). */
    public Path serverKeyFile() {
        return serverKeyFile;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
