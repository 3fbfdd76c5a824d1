package org.ecovalue.embedded.opcua;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The PKI folder of one OPC UA application (ingest as a client, the simulator as a server): its own
 * key pair and self-signed application certificate, created on first use, and the certificates it
 * trusts. The layout is the one OPC UA tools share (Part 12 §F.1 style, as Milo and UaExpert use it):
 *
 * <pre>
 * {dir}/own/application.pfx   PKCS#12: private key + certificate (alias per certificate type)
 * {dir}/own/application.der   the certificate alone, to copy into the peer's trusted/certs
 * {dir}/trusted/certs, /crl   peers trusted directly (self-signed certificates go here)
 * {dir}/issuer/certs, /crl    CA certificates that may issue peers' certificates
 * {dir}/rejected              certificates that were presented and not trusted (move to trusted/certs to accept)
 * </pre>
 *
 * The trust list is re-read when files change, so an operator can trust a peer without a restart.
 */
public final class OpcUaPki implements AutoCloseable {

    /** RSA 2048 / SHA-256: what Basic256Sha256 requires (Part 7, Basic256Sha256 profile). */
    private static final Period VALIDITY = Period.ofYears(3);

    private final Path dir;
    private final String applicationUri;
    private final FileBasedTrustListManager trustList;
    private final CertificateQuarantine rejected;
    private final KeyStoreCertificateStore store;
    private final DefaultApplicationGroup group;

    private OpcUaPki(Path dir, String applicationUri, FileBasedTrustListManager trustList,
                     CertificateQuarantine rejected, KeyStoreCertificateStore store, DefaultApplicationGroup group) {
        this.dir = dir;
        this.applicationUri = applicationUri;
        this.trustList = trustList;
        this.rejected = rejected;
        this.store = store;
        this.group = group;
    }

    /**
     * Opens (creating what is missing) the PKI folder {@code dir}.
     *
     * @param applicationUri  the application's URI; goes into the certificate's subjectAltName, and
     *                        must equal the ApplicationUri the application announces (Part 6 §6.2.2)
     * @param commonName      the certificate subject's CN
     * @param hostnames       extra host names / IP addresses for the subjectAltName (servers: every
     *                        name clients use in the endpoint URL); localhost, 127.0.0.1 and the
     *                        machine's name are always added
     * @param keyStorePassword protects {@code own/application.pfx}
     */
    public static OpcUaPki open(Path dir, String applicationUri, String commonName, List<String> hostnames,
                                char[] keyStorePassword) throws Exception {
        Objects.requireNonNull(applicationUri, "applicationUri");
        Files.createDirectories(dir.resolve("own"));
        FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(dir);
        CertificateQuarantine rejected = FileBasedCertificateQuarantine.create(dir.resolve("rejected"));
        char[] password = keyStorePassword.clone();
        KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
                new KeyStoreCertificateStore.Settings(dir.resolve("own").resolve("application.pfx"),
                        () -> password, alias -> password));
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        names.add(InetAddress.getLocalHost().getHostName());
        names.addAll(hostnames);
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(keyPair)
                        .setCommonName(commonName).setOrganization("EcoValue").setApplicationUri(applicationUri)
                        .setValidityPeriod(VALIDITY);
                for (String name : names) {
                    if (name.matches("[0-9.]+|.*:.*")) {
                        b.addIpAddress(name);
                    } else {
                        b.addDnsName(name);
                    }
                }
                return new X509Certificate[] {b.build()};
            }
        };
        // the validator here only matters for certificates pushed by GDS push management, which we do not serve
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, store, factory,
                new DefaultServerCertificateValidator(trustList, rejected));
        OpcUaPki pki = new OpcUaPki(dir, applicationUri, trustList, rejected, store, group);
        Files.write(pki.certificateFile(), pki.certificate().getEncoded());
        return pki;
    }

    public Path dir() {
        return dir;
    }

    public String applicationUri() {
        return applicationUri;
    }

    public KeyPair keyPair() {
        return group.getKeyPair(NodeIds.RsaSha256ApplicationCertificateType).orElseThrow();
    }

    public X509Certificate[] certificateChain() {
        return group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType).orElseThrow();
    }

    public X509Certificate certificate() {
        return certificateChain()[0];
    }

    /** {@code own/application.der}: give this file to the peer to put in its {@code trusted/certs}. */
    public Path certificateFile() {
        return dir.resolve("own").resolve("application.der");
    }

    /** Trusts a peer's certificate (writes it to {@code trusted/certs}). */
    public void trust(X509Certificate peer) {
        trustList.addTrustedCertificate(peer);
    }

    /** Certificates presented by peers and refused (in {@code rejected}). */
    public List<X509Certificate> rejected() {
        return rejected.getRejectedCertificates();
    }

    /** A client's check of server certificates against this trust list. */
    public CertificateValidator serverCertificateValidator() {
        return new DefaultClientCertificateValidator(trustList, rejected);
    }

    /** A server's certificate manager: its own certificate, and client certificates checked against the trust list. */
    public CertificateManager serverCertificateManager() {
        return new DefaultCertificateManager(rejected, group);
    }

    @Override
    public void close() throws IOException {
        try {
            trustList.close();
        } finally {
            store.close();
        }
    }
}
