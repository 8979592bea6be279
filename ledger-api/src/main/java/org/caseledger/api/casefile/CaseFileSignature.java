package org.caseledger.api.casefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs the printed case file as a whole with the ledger's Ed25519 key: a PAdES signature (ETSI.CAdES.detached, a CMS
 * SignedData over every byte of the PDF but the signature itself), so what a person reads is provably what the ledger
 * printed, and no byte of it can change unnoticed. The key signs through {@link #sign}; it never leaves the signing
 * key. CMS names its signer by a certificate: here one the key issues itself, made from the key alone (so the same
 * key always gives the same certificate); it is trusted by comparing its key with the ledger's published public key
 * (docs/integrity.md, "The printed case file is signed"), not by any authority. Ed25519 in CMS follows RFC 8419 (SHA-512 digest)
 * and in PDF ISO 32002.
 */
final class CaseFileSignature {

    /** Room for the CMS in the PDF: the certificate and one signer, a few hundred bytes, with a margin. */
    private static final int RESERVED_BYTES = 4_096;
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    private static final Date CERTIFICATE_FROM = Date.from(Instant.parse("2025-01-01T00:00:00Z"));
    private static final Date CERTIFICATE_TO = Date.from(Instant.parse("9999-12-31T23:59:59Z"));

    private final UnaryOperator<byte[]> sign;
    private final X509CertificateHolder certificate;

    /**
     * @param sign      signs a message with the ledger's private key (Ed25519, the message itself, no digest first)
     * @param publicKey the matching public key
     * @param signer    the name the certificate gives the signer, e.g. the ledger's name and the key's fingerprint
     */
    CaseFileSignature(UnaryOperator<byte[]> sign, PublicKey publicKey, String signer) {
        this.sign = sign;
        this.certificate = certificate(publicKey, signer);
    }

    X509CertificateHolder certificate() {
        return certificate;
    }

    /** The PDF with a PAdES signature appended as an incremental update, dated when the case file was exported. */
    byte[] sign(byte[] pdf, Instant signedAt, String signerName, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(date);
            options.setPreferredSignatureSize(RESERVED_BYTES);
            document.addSignature(signature, this::cms, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * RESERVED_BYTES + 4_096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the case file could not be signed", e);
        }
    }

    /** The CMS SignedData over the PDF's signed byte range, detached, DER-encoded. */
    private byte[] cms(InputStream signedBytes) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(this::signedAttributes)
                    .build(signer(), certificate));
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(signedBytes.readAllBytes()), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException e) {
            throw new IOException("the case file's CMS signature could not be made", e);
        }
    }

    /**
     * The signed attributes PAdES asks for: content type, message digest and the signing certificate (ESS
     * signing-certificate-v2); no signing time, which PAdES keeps in the signature dictionary instead.
     */
    private AttributeTable signedAttributes(Map<?, ?> parameters) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType,
                new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
        attributes.add(new Attribute(CMSAttributes.messageDigest,
                new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
        try {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash)))));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the signing certificate could not be hashed", e);
        }
        return new AttributeTable(attributes);
    }

    /** Ed25519 through the ledger's key: BC hands over what to sign, the key signs it. */
    private ContentSigner signer() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return ED25519;
            }

            @Override
            public OutputStream getOutputStream() {
                return message;
            }

            @Override
            public byte[] getSignature() {
                return sign.apply(message.toByteArray());
            }
        };
    }

    /** A certificate the key issues to itself, its serial number from the key, so the same key always gives the same one. */
    private X509CertificateHolder certificate(PublicKey publicKey, String signer) {
        try {
            X500Name name = new X500Name("CN=" + signer.replace(",", "\\,").replace("=", "\\="));
            byte[] keyHash = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            BigInteger serial = new BigInteger(1, Arrays.copyOf(keyHash, 16));
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial, CERTIFICATE_FROM, CERTIFICATE_TO, name,
                    SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return builder.build(signer());
        } catch (NoSuchAlgorithmException | CertIOException e) {
            throw new IllegalStateException("the case file's signing certificate could not be made", e);
        }
    }
}
