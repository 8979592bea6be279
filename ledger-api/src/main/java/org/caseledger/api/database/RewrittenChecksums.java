package org.caseledger.api.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations whose text changed after they were applied, and only by taking the application role's name from
 * configuration instead of writing {@code ledger_app} (and, in V5, by no longer creating the role): what they do on a
 * database where they were applied is exactly what they did. Flyway would refuse such a database (its stored checksums
 * differ); the {@code migrate} step records the new checksums instead, for exactly these versions and only where the
 * stored checksum is the old text's. Any other difference still fails Flyway's validation (ADR 0017).
 * <p>
 * This depends on the layout of Flyway's history table (columns {@code version} and {@code checksum}); RewrittenChecksumsIT
 * computes both checksums of every version below from the texts (the old ones with {@code ledger_app} written back, all
 * but V5's), records the old ones in a history and migrates, and fails when the layout or a checksum below no longer
 * holds.
 */
final class RewrittenChecksums {

    private static final Logger log = LoggerFactory.getLogger(RewrittenChecksums.class);

    /** Version, then the checksum of the text as it was applied and of the text now. */
    static final Map<String, int[]> REWRITTEN = Map.ofEntries(
            Map.entry("5", new int[] {-602323741, -1845790350}),
            Map.entry("6", new int[] {-217563832, -2025990752}),
            Map.entry("7", new int[] {-1223151249, 1605476797}),
            Map.entry("8", new int[] {-1740277586, -394065304}),
            Map.entry("9", new int[] {970991076, -1429251228}),
            Map.entry("10", new int[] {-430405284, 1415799839}),
            Map.entry("11", new int[] {1709658310, 1553176759}),
            Map.entry("12", new int[] {-32000809, -210945721}),
            Map.entry("13", new int[] {-2139714480, -1147652119}),
            Map.entry("14", new int[] {987426762, 1737855843}),
            Map.entry("15", new int[] {836737274, 826693159}),
            Map.entry("16", new int[] {-1639553410, 1271776311}),
            Map.entry("17", new int[] {-1311211586, 239143204}),
            Map.entry("20", new int[] {1041147667, 131897954}),
            Map.entry("21", new int[] {1737100329, 473742378}),
            Map.entry("23", new int[] {446660986, 495451364}),
            Map.entry("24", new int[] {1247597839, -2019292509}),
            Map.entry("25", new int[] {-1857943487, 1140112004}));

    private RewrittenChecksums() {
    }

    static void realign(DataSource owner, String historyTable) {
        try (Connection connection = owner.getConnection()) {
            if (!historyExists(connection, historyTable)) {
                return;
            }
            int realigned = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE \"" + historyTable + "\" SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (Map.Entry<String, int[]> migration : REWRITTEN.entrySet()) {
                    update.setInt(1, migration.getValue()[1]);
                    update.setString(2, migration.getKey());
                    update.setInt(3, migration.getValue()[0]);
                    realigned += update.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (realigned > 0) {
                log.info("Recorded the new checksums of {} migrations that now take the application role's name from configuration "
                        + "(ADR 0017)", realigned);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the rewritten migrations' checksums in " + historyTable + ": " + e.getMessage(), e);
        }
    }

    private static boolean historyExists(Connection connection, String historyTable) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, historyTable);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
