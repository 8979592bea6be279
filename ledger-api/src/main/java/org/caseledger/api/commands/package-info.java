/**
 * The operator's steps that are not the serving process: {@code bootstrap-sql}, {@code migrate}, {@code init-keys} and
 * {@code hash-password}, run as {@code java -jar ledger-api.jar <command>} with the ledger's own configuration.
 */
package org.caseledger.api.commands;
