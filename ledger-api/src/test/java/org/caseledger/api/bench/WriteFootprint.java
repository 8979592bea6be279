package org.caseledger.api.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What one command durably writes, measured on the database after a series of the same command: table by table, the
 * rows the commands' own transactions wrote and their size. A row is the commands' when its transaction id
 * ({@code xmin}) is that of an event they appended; the read models, the sealer and every other transaction of the
 * meantime write rows under other ids and are left out. A row that a later transaction updated again bears that one's
 * id, so each command of the series should write rows of its own (a new case, or a case no other command of the series
 * touches).
 * <p>
 * A reference that writes what one command writes writes the nearest whole number of rows of each table, one statement
 * a row: each statement the ledger writes with writes one row.
 *
 * @param afterPosition the global position the series' events follow
 */
record WriteFootprint(String command, long commands, long transactions, List<TableRows> tables, long afterPosition) {

    /** The rows of one table the commands' transactions wrote, and their bytes ({@code pg_column_size} of the row). */
    record TableRows(String table, long rows, long bytes) {

        long bytesPerRow() {
            return rows == 0 ? 0 : Math.round((double) bytes / rows);
        }
    }

    WriteFootprint {
        if (commands <= 0) {
            throw new IllegalArgumentException("a footprint is measured over at least one command");
        }
        tables = List.copyOf(tables);
    }

    /**
     * The ids of the transactions that appended the series' events. As text: {@code xid} has no ordering, so neither
     * {@code DISTINCT} nor every join can work on it.
     */
    static String transactionsAfter(long position) {
        return "SELECT xmin::text FROM domain_event_entry WHERE global_index > " + position;
    }

    /**
     * The footprint of the {@code commands} commands that appended every event after {@code after}, from every table of
     * the database but the references' own.
     */
    static WriteFootprint measure(DataSource owner, String command, long after, long commands) throws SQLException {
        String ofTheCommands = transactionsAfter(after);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            long transactions;
            try (ResultSet count = statement.executeQuery("SELECT count(DISTINCT xmin) FROM (" + ofTheCommands + ") AS t (xmin)")) {
                count.next();
                transactions = count.getLong(1);
            }
            List<String> names = new ArrayList<>();
            try (ResultSet all = statement.executeQuery("SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables "
                    + "WHERE relname NOT LIKE 'reference\\_%' ORDER BY relname")) {
                while (all.next()) {
                    names.add(all.getString(1));
                }
            }
            List<TableRows> tables = new ArrayList<>();
            for (String table : names) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(sum(pg_column_size(t.*)), 0) FROM " + table
                        + " t WHERE t.xmin::text IN (" + ofTheCommands + ")")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        tables.add(new TableRows(table, rows.getLong(1), rows.getLong(2)));
                    }
                }
            }
            return new WriteFootprint(command, commands, transactions, tables, after);
        }
    }

    /** The rows of this table one command writes, to the nearest whole row: a reference cannot write part of one. */
    int rowsPerCommand(TableRows table) {
        return (int) Math.round((double) table.rows() / commands);
    }

    /** The tables a reference writes, those of which one command writes half a row or more on average. */
    List<TableRows> written() {
        return tables.stream().filter(table -> rowsPerCommand(table) > 0).toList();
    }

    /** The statements a reference writes one command's rows with, one a row. */
    int statementsPerCommand() {
        return written().stream().mapToInt(this::rowsPerCommand).sum();
    }

    /** What was measured and what a reference writes of it, for a person. */
    String describe() {
        String measured = tables.stream()
                .map(table -> String.format(Locale.ROOT, "%s %.2f rows of %,d B", table.table(), (double) table.rows() / commands,
                        table.bytesPerRow()))
                .collect(Collectors.joining(", "));
        String reference = written().stream()
                .map(table -> rowsPerCommand(table) + " × " + table.table())
                .collect(Collectors.joining(" + "));
        return String.format(Locale.ROOT, "%s: %,d commands committed in %,d transactions, each writing on average %s "
                + "(rows carrying the transaction id of the command's events). A matching reference writes %s, %d statements "
                + "in one transaction per command", command, commands, transactions, measured, reference, statementsPerCommand());
    }
}
