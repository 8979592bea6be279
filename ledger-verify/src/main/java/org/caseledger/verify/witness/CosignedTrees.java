package org.caseledger.verify.witness;

import java.io.IOException;
import java.util.Optional;

/**
 * A witness's memory: the latest tree it cosigned for each log, by origin. {@link WitnessState} keeps it in a file;
 * whatever keeps it must have recorded a tree durably when {@link #record} returns, since the cosignature goes out
 * right after.
 */
public interface CosignedTrees {

    Optional<CosignedTree> latest(String origin);

    void record(String origin, CosignedTree tree) throws IOException;
}
