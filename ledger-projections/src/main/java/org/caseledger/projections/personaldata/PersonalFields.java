package org.caseledger.projections.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.YearKeyed;

/**
 * The encrypted fields of an event type and how a stored event's JSON is opened: each field marked
 * {@link PersonalData} or {@link YearKeyed} that holds a {@link StoredText} is decrypted with the key it names, bound to
 * its event type and field; with that key gone (erased) a text reads {@link PersonalData#ERASED} and any other value
 * reads as absent. The ledger opens events so for its answers, and the auditor's kit opens a case file so with the keys
 * its recipient unwrapped: one way of opening, so both read the same.
 */
public final class PersonalFields {

    private static final Map<String, List<RecordComponent>> ANNOTATED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, List<RecordComponent>> ENCRYPTED = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** The fields encrypted under the key of their case or person. */
    public static List<RecordComponent> personal(Class<?> type) {
        return annotated(type, PersonalData.class);
    }

    /** The fields encrypted under the key of their year. */
    public static List<RecordComponent> yearKeyed(Class<?> type) {
        return annotated(type, YearKeyed.class);
    }

    /** Every field stored encrypted, under whichever key: read back alike, by the key id the ciphertext names. */
    public static List<RecordComponent> encrypted(Class<?> type) {
        return ENCRYPTED.computeIfAbsent(type, t -> Stream.concat(personal(t).stream(), yearKeyed(t).stream()).toList());
    }

    /** What binds a ciphertext to its event type and field, so that it cannot be moved to another and still open. */
    public static String contextName(Class<?> type, RecordComponent field) {
        return type.getName() + "#" + field.getName();
    }

    public static byte[] context(Class<?> type, RecordComponent field) {
        return contextName(type, field).getBytes(StandardCharsets.UTF_8);
    }

    /** Opens the encrypted fields of the event's JSON in place, with the keys {@code keys} finds (empty: erased). */
    public static void open(ObjectNode tree, Class<?> type, Function<UUID, Optional<SecretKey>> keys) {
        open(tree, type, keys, PersonalData.ERASED);
    }

    /**
     * Opens them with the keys found; a text whose key is not found reads {@code unreadable}: {@link PersonalData#ERASED}
     * where the key was destroyed, {@link PersonalData#SEALED} where the reader holds none.
     */
    public static void open(ObjectNode tree, Class<?> type, Function<UUID, Optional<SecretKey>> keys, String unreadable) {
        for (RecordComponent field : encrypted(type)) {
            JsonNode value = tree.get(field.getName());
            if (value == null || !value.isTextual() || !StoredText.isStored(value.asText())) {
                continue;
            }
            StoredText stored = StoredText.parse(value.asText());
            Optional<String> opened = keys.apply(stored.keyId()).map(key -> stored.open(key, context(type, field)));
            tree.put(field.getName(), opened.orElse(field.getType() == String.class ? unreadable : null));
        }
    }

    private static List<RecordComponent> annotated(Class<?> type, Class<? extends Annotation> annotation) {
        return ANNOTATED.computeIfAbsent(type.getName() + "@" + annotation.getSimpleName(), key -> type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).filter(field -> field.isAnnotationPresent(annotation)).toList()
                : List.of());
    }
}
