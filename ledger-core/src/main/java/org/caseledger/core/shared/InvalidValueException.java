package org.caseledger.core.shared;

/** A value that is malformed on its own (a bad identity number, a blank required text), before any rule applies. */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
