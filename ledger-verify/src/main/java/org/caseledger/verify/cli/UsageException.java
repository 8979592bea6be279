package org.caseledger.verify.cli;

/** The command line, or a file it names, is not what the command takes: exit 64. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
