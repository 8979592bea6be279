package org.caseledger.api.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The physical reference of an append: plain JDBC writing what one command durably writes ({@link WriteFootprint}) and
 * nothing of the ledger. For each table the command writes, a table shaped like it ({@code LIKE}, with its indexes; no
 * triggers, checks or foreign keys) receives as many rows per command as the command writes there, copies of rows the
 * commands wrote, so of the same sizes, one {@code INSERT} a row; a row the command updates (a case's last entry) is
 * matched by an insert of its size. The columns of a unique index get fresh values of the same type and length. Commits
 * are synchronous as the server is configured.
 */
final class MatchingAppend {

    /** The commands whose rows one transaction of the batched reference carries. */
    static final int COMMANDS_PER_BATCH = 16;

    /** One table's insert and the rows a command writes into it, each column's value drawn anew for every row. */
    private record TableWrite(String insert, List<List<Supplier<Object>>> rows) {
    }

    /** Fresh values for integer key columns, far above any the ledger reaches in a benchmark. */
    private static final AtomicLong KEYS = new AtomicLong(1_000_000_000L);

    private final DataSource owner;
    private final WriteFootprint footprint;
    private final List<TableWrite> writes;

    private MatchingAppend(DataSource owner, WriteFootprint footprint, List<TableWrite> writes) {
        this.owner = owner;
        this.footprint = footprint;
        this.writes = writes;
    }

    /** Creates the tables (once per table, whichever command's reference creates them) and copies the sample rows. */
    static MatchingAppend of(DataSource owner, WriteFootprint footprint) throws SQLException {
        List<TableWrite> writes = new ArrayList<>();
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            for (WriteFootprint.TableRows table : footprint.written()) {
                String copy = referenceTable(table.table());
                statement.execute("CREATE TABLE IF NOT EXISTS " + copy + " (LIKE " + table.table() + " INCLUDING INDEXES)");
                Set<String> unique = uniqueColumns(connection, table.table());
                List<String> columns = new ArrayList<>();
                List<List<Supplier<Object>>> rows = new ArrayList<>();
                try (ResultSet samples = statement.executeQuery("SELECT * FROM " + table.table() + " t WHERE t.xmin::text IN ("
                        + WriteFootprint.transactionsAfter(footprint.afterPosition()) + ") LIMIT " + footprint.rowsPerCommand(table))) {
                    ResultSetMetaData meta = samples.getMetaData();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        columns.add(meta.getColumnName(column));
                    }
                    while (samples.next()) {
                        List<Supplier<Object>> row = new ArrayList<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            Object sample = samples.getObject(column);
                            row.add(unique.contains(meta.getColumnName(column)) && sample != null
                                    ? fresh(meta.getColumnTypeName(column), sample)
                                    : () -> sample);
                        }
                        rows.add(row);
                    }
                }
                writes.add(new TableWrite("INSERT INTO " + copy + " (" + String.join(", ", columns) + ") VALUES ("
                        + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")", rows));
            }
        }
        return new MatchingAppend(owner, footprint, writes);
    }

    /** What one call of {@link #oneTransactionPerCommand} does, for the report. */
    String name() {
        return "plain JDBC writing what one command writes (" + footprint.statementsPerCommand() + " rows of the sizes measured, "
                + "one INSERT a row, see the note of the section's first row), one transaction per command";
    }

    /** What one call of {@link #batched} does, for the report. */
    String batchedName() {
        return "the same rows and statements, those of " + COMMANDS_PER_BATCH + " commands in one transaction, each table's "
                + "rows as one JDBC batch (group commit at its best)";
    }

    /** Commands written back to back from several threads, each in a transaction of its own. */
    Load.Run oneTransactionPerCommand(int threads, Duration duration) throws Exception {
        return Load.run(threads, duration, (thread, call) -> write(1));
    }

    /** Commands written back to back from several threads, {@link #COMMANDS_PER_BATCH} of them in each transaction. */
    Load.Run batched(int threads, Duration duration) throws Exception {
        Load.Run transactions = Load.run(threads, duration, (thread, call) -> write(COMMANDS_PER_BATCH));
        return new Load.Run(transactions.calls() * COMMANDS_PER_BATCH, transactions.nanos());
    }

    /** The rows of {@code commands} commands in one transaction: one statement a row, a batch of them when more than one. */
    private void write(int commands) throws SQLException {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            for (TableWrite write : writes) {
                try (PreparedStatement insert = connection.prepareStatement(write.insert())) {
                    for (int command = 0; command < commands; command++) {
                        for (List<Supplier<Object>> row : write.rows()) {
                            for (int column = 0; column < row.size(); column++) {
                                insert.setObject(column + 1, row.get(column).get());
                            }
                            if (commands == 1) {
                                insert.executeUpdate();
                            } else {
                                insert.addBatch();
                            }
                        }
                    }
                    if (commands > 1) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
        }
    }

    private static String referenceTable(String table) {
        return "reference_" + table.substring(table.lastIndexOf('.') + 1).replace("\"", "");
    }

    /** The columns of the table's unique indexes, its primary key's among them. */
    private static Set<String> uniqueColumns(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                + "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = ?::regclass AND i.indisunique")) {
            select.setString(1, table);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** A new value for each row, of the sample's type and length, so that unique indexes take every row. */
    private static Supplier<Object> fresh(String type, Object sample) {
        return switch (type) {
            case "uuid" -> UUID::randomUUID;
            case "int2", "int4", "int8", "serial", "bigserial", "numeric" -> KEYS::incrementAndGet;
            case "varchar", "text", "bpchar" -> {
                int length = sample.toString().length();
                yield () -> randomText(length);
            }
            case "bytea" -> {
                int length = ((byte[]) sample).length;
                yield () -> {
                    byte[] bytes = new byte[length];
                    ThreadLocalRandom.current().nextBytes(bytes);
                    return bytes;
                };
            }
            default -> throw new IllegalStateException("no fresh value for a unique column of type " + type);
        };
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(UUID.randomUUID());
        }
        return text.substring(0, length);
    }
}
