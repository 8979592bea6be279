package org.caseledger.api.setup;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold a secret (the signing key, the master key): created new, readable and writable by their owner only
 * from the moment they exist, never written over an existing file.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    /**
     * Writes a new file with mode 0600, and its missing parent directories with mode 0700.
     *
     * @throws FileAlreadyExistsException when the file exists: a key is never replaced by accident
     */
    public static void create(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        createDirectories(target.getParent());
        // The mode is given at creation: written first and restricted afterwards, the file would be readable to others
        // for a moment.
        try {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("could not restrict the permissions of {} on this file system; protect it by other means", target);
            Files.createFile(target);
        }
        Files.write(target, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * The refusal to start without a key file on a database server, where a missing file is a mistake (a typo in a path,
     * a volume not mounted) that a new key would hide: the ledger would then sign with a key no one trusts, or wrap
     * personal data with a key no backup holds.
     */
    public static IllegalStateException missingKey(String what, String property, Path file) {
        return new IllegalStateException("the " + what + " file " + file.toAbsolutePath() + " does not exist (" + property
                + "). On a database server the ledger never creates its keys by itself: create them once with "
                + "`java -jar ledger-api.jar init-keys`, or copy them from another node of this ledger (docs/operations.md, \"Setting up on a database server\")");
    }

    private static void createDirectories(Path directory) throws IOException {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        createDirectories(directory.getParent());
        FileAttribute<?>[] ownerOnly = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(directory, ownerOnly);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another node or process made it: fine, as long as it is a directory
            if (!Files.isDirectory(directory)) {
                throw createdMeanwhile;
            }
        }
    }
}
