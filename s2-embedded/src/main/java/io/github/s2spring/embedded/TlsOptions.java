package io.github.s2spring.embedded;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the server: a self-signed certificate for {@code localhost}, {@code 127.0.0.1}
 * and {@code ::1}, or a PEM certificate chain and private key. ALPN offers {@code h2} and
 * {@code http/1.1}.
 *
 * @param certificate the PEM certificate chain, or {@code null} for self-signed
 * @param privateKey the PEM private key (PKCS#8), or {@code null} for self-signed
 */
public record TlsOptions(@Nullable Path certificate, @Nullable Path privateKey) {

	/**
	 * A self-signed certificate generated at start.
	 * @return the options
	 */
	public static TlsOptions selfSigned() {
		return new TlsOptions(null, null);
	}

	/**
	 * A certificate chain and key from PEM files.
	 * @param certificate the certificate chain
	 * @param privateKey the private key
	 * @return the options
	 */
	public static TlsOptions pem(Path certificate, Path privateKey) {
		return new TlsOptions(certificate, privateKey);
	}

	SslContext sslContext() throws Exception {
		SslContextBuilder builder;
		if (this.certificate != null && this.privateKey != null) {
			builder = SslContextBuilder.forServer(this.certificate.toFile(), this.privateKey.toFile());
		}
		else {
			KeyPair keyPair = KeyPairGenerator.getInstance("EC").generateKeyPair();
			builder = SslContextBuilder.forServer(keyPair.getPrivate(), selfSignedCertificate(keyPair));
		}
		return builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
			.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
					ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
					ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2,
					ApplicationProtocolNames.HTTP_1_1))
			.build();
	}

	/**
	 * Creates a self-signed certificate for the local host names.
	 * @param keyPair the key pair
	 * @return the certificate
	 * @throws GeneralSecurityException if the JDK cannot build it
	 */
	static X509Certificate selfSignedCertificate(KeyPair keyPair) throws GeneralSecurityException {
		try {
			X500Name subject = new X500Name("CN=localhost");
			Instant now = Instant.now();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(365))), subject, keyPair.getPublic());
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
							new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
							new GeneralName(GeneralName.iPAddress, "::1") }));
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
			byte[] encoded = builder.build(signer).getEncoded();
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(encoded));
		}
		catch (OperatorCreationException | java.io.IOException ex) {
			throw new GeneralSecurityException("Cannot create a self-signed certificate: " + ex.getMessage(), ex);
		}
	}

}
