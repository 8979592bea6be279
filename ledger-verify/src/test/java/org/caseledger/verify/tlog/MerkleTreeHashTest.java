package org.caseledger.verify.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.caseledger.verify.support.Vectors;
import org.junit.jupiter.api.Test;

/** The tree hash of RFC 9162 §2.1.1 against the reference tree of transparency-dev/merkle. */
class MerkleTreeHashTest {

    static List<byte[]> referenceLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String line : Vectors.dataLines("rfc6962-tree.txt")) {
            String[] fields = line.split(" ");
            if (fields[0].equals("leaf")) {
                leaves.add(fields.length == 3 ? HexFormat.of().parseHex(fields[2]) : new byte[0]);
            }
        }
        return leaves;
    }

    @Test
    void theRootOfEveryPrefixOfTheReferenceTreeIsTheOneTheReferenceGives() {
        InMemoryTreeHashes tree = InMemoryTreeHashes.ofLeaves(referenceLeaves());

        for (String line : Vectors.dataLines("rfc6962-tree.txt")) {
            String[] fields = line.split(" ");
            if (fields[0].equals("root")) {
                long size = Long.parseLong(fields[1]);
                assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(Hash.fromHex(fields[2]));
                assertThat(MerkleProofs.root(tree, size)).isEqualTo(Hash.fromHex(fields[2]));
            }
        }
    }

    @Test
    void theEmptyTreeHashesToTheHashOfNothingAndNotToTheHashOfAnEmptyLeaf() {
        assertThat(Merkle.EMPTY_ROOT.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Merkle.leafHash(new byte[0]).hex()).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void aRangeAnywhereInTheTreeHashesAsATreeOfItsOwnLeaves() {
        List<byte[]> leaves = referenceLeaves();
        InMemoryTreeHashes tree = InMemoryTreeHashes.ofLeaves(leaves);

        for (int from = 0; from < leaves.size(); from++) {
            for (int to = from + 1; to <= leaves.size(); to++) {
                InMemoryTreeHashes range = InMemoryTreeHashes.ofLeaves(leaves.subList(from, to));
                assertThat(tree.rangeHash(from, to)).isEqualTo(range.root(to - from));
            }
        }
    }

    @Test
    void aRangeOutsideTheTreeIsRefused() {
        InMemoryTreeHashes tree = InMemoryTreeHashes.ofLeaves(referenceLeaves());

        assertThatThrownBy(() -> tree.rangeHash(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.rangeHash(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.rangeHash(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(tree, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(tree, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(tree, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHashIsExactly32BytesAndReadOnlyFromCanonicalBase64() {
        assertThatThrownBy(() -> Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Hash.fromBase64(Merkle.EMPTY_ROOT.base64())).contains(Merkle.EMPTY_ROOT);
        assertThat(Hash.fromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")).isEmpty();
        assertThat(Hash.fromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=")).isEmpty();
        assertThat(Hash.fromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")).isEmpty();
        assertThat(Hash.fromBase64("YmFuYW5hcw==")).isEmpty();
    }
}
