package org.caseledger.kit.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a printed case file's PAdES signature the way an auditor without the ledger does, on the file's bytes alone and
 * not through the library that signed it: the byte range of the last signature dictionary must cover the whole file
 * but the signature, the CMS (Bouncy Castle) must verify over exactly those bytes, and its certificate must carry the
 * ledger's key. So any change of the PDF after the ledger signed it — a line of the timeline retyped, a page added by
 * an incremental update, the file saved again — breaks it (docs/integrity.md, "The printed case file is signed").
 */
public final class PdfSignature {

    private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*]");
    private static final Pattern SUB_FILTER = Pattern.compile("/SubFilter\\s*/([\\w.]+)");
    private static final String SHA_512 = "2.16.840.1.101.3.4.2.3";
    private static final Result NONE = new Result(false, false, false, null, false);

    /**
     * What the check found.
     *
     * @param coversWholeFile the signed bytes are the whole file but the signature's own hex string
     * @param verifies        the CMS signature holds over those bytes with the expected key
     * @param signedByKey     the signer's certificate carries the expected public key
     * @param subFilter       the signature's kind, {@code ETSI.CAdES.detached} for PAdES
     * @param sha512          the message digest is SHA-512, as RFC 8419 asks of Ed25519
     */
    public record Result(boolean coversWholeFile, boolean verifies, boolean signedByKey, String subFilter, boolean sha512) {

        public boolean holds() {
            return coversWholeFile && verifies && signedByKey && "ETSI.CAdES.detached".equals(subFilter) && sha512;
        }
    }

    private PdfSignature() {
    }

    /** The check; a PDF that carries no signature, or a malformed one, does not hold. */
    public static Result check(byte[] pdf, PublicKey expected) {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        long[] range = lastByteRange(raw);
        if (range == null || range[0] < 0 || range[1] >= pdf.length || range[2] > pdf.length || range[1] + 2 > range[2]
                || range[2] + range[3] > pdf.length) {
            return NONE;
        }
        int start = (int) range[0];
        int first = (int) range[1];
        int second = (int) range[2];
        int length = (int) range[3];
        boolean coversWholeFile = start == 0 && (long) second + length == pdf.length && pdf[first] == '<' && pdf[second - 1] == '>';
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(pdf, start, first);
        signed.write(pdf, second, length);
        byte[] contents = HexFormat.of().parseHex(raw.substring(first + 1, second - 1));
        try {
            // The hex string is padded with zeros to the room the signer reserved; the DER object's own length ends it.
            ContentInfo signature = ContentInfo.getInstance(new ASN1InputStream(contents).readObject());
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed.toByteArray()), signature);
            List<SignerInformation> signers = List.copyOf(cms.getSignerInfos().getSigners());
            SignerInformation signer = signers.get(0);
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            boolean signedByKey = Arrays.equals(certificate.getSubjectPublicKeyInfo().getEncoded(), expected.getEncoded());
            return new Result(coversWholeFile, signers.size() == 1 && verifies(signer, expected), signedByKey, lastSubFilter(raw),
                    SHA_512.equals(signer.getDigestAlgOID()));
        } catch (CMSException | IOException | RuntimeException notASignature) {
            return NONE;
        }
    }

    private static boolean verifies(SignerInformation signer, PublicKey key) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(key));
        } catch (CMSException mismatch) {
            // Bouncy Castle reports a content that no longer matches its digest by throwing
            return false;
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last signature's byte range, or {@code null} for a PDF without one. */
    private static long[] lastByteRange(String raw) {
        Matcher matcher = BYTE_RANGE.matcher(raw);
        long[] last = null;
        while (matcher.find()) {
            last = new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
                    Long.parseLong(matcher.group(4))};
        }
        return last;
    }

    private static String lastSubFilter(String raw) {
        Matcher matcher = SUB_FILTER.matcher(raw);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }
}
