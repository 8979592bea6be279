package org.caseledger.api.commands;

import java.io.Console;
import java.util.Arrays;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code hash-password}: reads a password (from the terminal without echo, twice, or as one line of standard input) and
 * prints its bcrypt hash as {@code ledger.security.users[].password} takes it, {@code {bcrypt}$2a$10$…}: the form Spring
 * Security's delegating password encoder, which checks the configured users' passwords, reads. Never an argument, which
 * a shell's history and the process list would keep.
 */
final class HashPassword implements LedgerCommands.Command {

    @Override
    public String summary() {
        return "read a password, print its {bcrypt} hash for ledger.security.users";
    }

    @Override
    public boolean printsData() {
        return true;
    }

    @Override
    public int run(LedgerCommands.Invocation invocation) throws Exception {
        char[] password = read(invocation);
        if (password == null || password.length == 0) {
            invocation.err().println("no password given");
            return 1;
        }
        try {
            invocation.out().println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(new String(password)));
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] read(LedgerCommands.Invocation invocation) throws Exception {
        Console console = System.console();
        if (console == null) {
            String line = invocation.in().readLine();
            return line == null ? null : line.toCharArray();
        }
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        if (first != null && !Arrays.equals(first, again)) {
            invocation.err().println("the two passwords differ");
            return null;
        }
        return first;
    }
}
