package org.caseledger.verify.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * For many tree sizes, every proof generated verifies, and a proof that lost its truth anywhere does not: a flipped
 * bit in any of its hashes, a wrong size or index, a wrong root, a hash too many or too few.
 */
class MerkleProofPropertiesTest {

    /** Fixed, so that a failure can be replayed. */
    private static final long SEED = 9162L;
    private static final int LARGEST = 1100;

    private final Random random = new Random(SEED);
    private final InMemoryTreeHashes tree = randomTree(LARGEST);

    /** The sizes around every power of two up to 1024, and random ones. */
    private List<Long> sizes() {
        List<Long> sizes = new ArrayList<>();
        for (long power = 1; power <= 1024; power <<= 1) {
            LongStream.of(power - 1, power, power + 1).filter(n -> n > 0).forEach(sizes::add);
        }
        IntStream.range(0, 40).forEach(i -> sizes.add(1L + random.nextInt(LARGEST)));
        return sizes.stream().distinct().sorted().toList();
    }

    @Test
    void everyInclusionProofGeneratedVerifiesAndNoAlteredOneDoes() {
        int proofs = 0;
        for (long size : sizes()) {
            Hash root = tree.root(size);
            for (long index : indices(size)) {
                Hash leaf = tree.rangeHash(index, index + 1);
                List<Hash> proof = MerkleProofs.inclusionProof(tree, index, size);

                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, proof, root)).as("leaf %d of %d", index, size).isTrue();

                for (int i = 0; i < proof.size(); i++) {
                    assertThat(ProofVerifier.verifyInclusion(leaf, index, size, flipped(proof, i), root))
                            .as("bit flipped in hash %d of the proof of leaf %d of %d", i, index, size).isFalse();
                }
                assertThat(ProofVerifier.verifyInclusion(flip(leaf), index, size, proof, root)).isFalse();
                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, proof, flip(root))).isFalse();
                for (long wrongSize : List.of(size + 1, size - 1, size * 2, size / 2)) {
                    if (wrongSize != size && wrongSize > index && wrongSize <= LARGEST) {
                        assertThat(ProofVerifier.verifyInclusion(leaf, index, wrongSize, proof, tree.root(wrongSize)))
                                .as("leaf %d of %d claimed in the tree of %d", index, size, wrongSize).isFalse();
                    }
                }
                for (long wrongIndex : List.of(index + 1, index - 1, index ^ 2)) {
                    if (wrongIndex != index && wrongIndex >= 0 && wrongIndex < size) {
                        assertThat(ProofVerifier.verifyInclusion(leaf, wrongIndex, size, proof, root))
                                .as("leaf %d of %d claimed at %d", index, size, wrongIndex).isFalse();
                    }
                }
                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, withExtra(proof, root), root)).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(ProofVerifier.verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                proofs++;
            }
        }
        assertThat(proofs).isGreaterThan(1000);
    }

    @Test
    void everyConsistencyProofGeneratedVerifiesAndNoAlteredOneDoes() {
        int proofs = 0;
        for (long second : sizes()) {
            Hash secondRoot = tree.root(second);
            for (long first : firstSizes(second)) {
                Hash firstRoot = tree.root(first);
                List<Hash> proof = MerkleProofs.consistencyProof(tree, first, second);

                assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("from %d to %d", first, second).isTrue();

                for (int i = 0; i < proof.size(); i++) {
                    assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot, flipped(proof, i)))
                            .as("bit flipped in hash %d of the proof from %d to %d", i, first, second).isFalse();
                }
                assertThat(ProofVerifier.verifyConsistency(first, second, flip(firstRoot), secondRoot, proof))
                        .as("wrong old root from %d to %d", first, second).isFalse();
                if (first != 0) {
                    assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, flip(secondRoot), proof))
                            .as("wrong new root from %d to %d", first, second).isFalse();
                }
                for (long wrongFirst : List.of(first + 1, first - 1)) {
                    if (wrongFirst > 0 && wrongFirst < second) {
                        assertThat(ProofVerifier.verifyConsistency(wrongFirst, second, tree.root(wrongFirst), secondRoot, proof))
                                .as("from %d claimed as from %d to %d", first, wrongFirst, second).isFalse();
                    }
                }
                for (long wrongSecond : List.of(second + 1, second - 1, second * 2)) {
                    if (first > 0 && wrongSecond > first && wrongSecond != second && wrongSecond <= LARGEST) {
                        assertThat(ProofVerifier.verifyConsistency(first, wrongSecond, firstRoot, tree.root(wrongSecond), proof))
                                .as("to %d claimed as to %d from %d", second, wrongSecond, first).isFalse();
                    }
                }
                assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot, withExtra(proof, secondRoot))).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot, proof.subList(1, proof.size()))).isFalse();
                }
                proofs++;
            }
        }
        assertThat(proofs).isGreaterThan(1000);
    }

    @Test
    void theEdgesOfConsistencyHoldExactlyWhereTheyShould() {
        Hash root5 = tree.root(5);
        Hash root8 = tree.root(8);

        assertThat(ProofVerifier.verifyConsistency(0, 0, Merkle.EMPTY_ROOT, Merkle.EMPTY_ROOT, List.of())).isTrue();
        assertThat(ProofVerifier.verifyConsistency(0, 0, Merkle.EMPTY_ROOT, root5, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(0, 5, Merkle.EMPTY_ROOT, root5, List.of())).isTrue();
        assertThat(ProofVerifier.verifyConsistency(0, 5, root8, root5, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(0, 5, Merkle.EMPTY_ROOT, root5, List.of(root5))).isFalse();
        assertThat(ProofVerifier.verifyConsistency(5, 5, root5, root5, List.of())).isTrue();
        assertThat(ProofVerifier.verifyConsistency(5, 5, root5, root8, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(5, 5, root5, root5, List.of(root5))).isFalse();
        assertThat(ProofVerifier.verifyConsistency(8, 5, root8, root5, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(-1, 5, root8, root5, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(5, 8, root5, root8, List.of())).isFalse();
        assertThat(ProofVerifier.verifyInclusion(Merkle.EMPTY_ROOT, 0, 0, List.of(), Merkle.EMPTY_ROOT)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(tree.rangeHash(0, 1), -1, 5, List.of(), root5)).isFalse();
    }

    @Test
    void aProofOfHugeSizesNeverThrowsAndFails() {
        List<Hash> proof = IntStream.range(0, 70).mapToObj(i -> tree.rangeHash(i, i + 1)).toList();

        assertThat(ProofVerifier.verifyConsistency(Long.MAX_VALUE - 1, Long.MAX_VALUE, tree.root(1), tree.root(2), proof)).isFalse();
        assertThat(ProofVerifier.verifyConsistency(1L << 62, Long.MAX_VALUE, tree.root(1), tree.root(2), proof)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(tree.root(1), Long.MAX_VALUE - 1, Long.MAX_VALUE, proof, tree.root(2))).isFalse();
    }

    private List<Long> indices(long size) {
        if (size <= 64) {
            return LongStream.range(0, size).boxed().toList();
        }
        List<Long> indices = new ArrayList<>(List.of(0L, size - 1, size / 2));
        IntStream.range(0, 12).forEach(i -> indices.add((long) random.nextInt((int) size)));
        return indices.stream().distinct().toList();
    }

    private List<Long> firstSizes(long second) {
        if (second <= 64) {
            return LongStream.rangeClosed(0, second).boxed().toList();
        }
        List<Long> firsts = new ArrayList<>(List.of(0L, 1L, second - 1, second, Long.highestOneBit(second), second / 2 + 1));
        IntStream.range(0, 12).forEach(i -> firsts.add(1L + random.nextInt((int) second)));
        return firsts.stream().distinct().toList();
    }

    private InMemoryTreeHashes randomTree(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] leaf = new byte[1 + random.nextInt(40)];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        return InMemoryTreeHashes.ofLeaves(leaves);
    }

    private Hash flip(Hash hash) {
        byte[] bytes = hash.bytes();
        int bit = random.nextInt(Hash.LENGTH * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Hash.of(bytes);
    }

    private List<Hash> flipped(List<Hash> proof, int i) {
        List<Hash> copy = new ArrayList<>(proof);
        copy.set(i, flip(copy.get(i)));
        return copy;
    }

    private static List<Hash> withExtra(List<Hash> proof, Hash extra) {
        List<Hash> copy = new ArrayList<>(proof);
        copy.add(extra);
        return copy;
    }
}
