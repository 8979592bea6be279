package org.caseledger.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.person.PersonEvent;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.YearKeyed;

/**
 * The event serializer, encrypting the fields marked {@link PersonalData} on the way into the store and decrypting
 * them on the way out. A case's fields use the case file's key, owned by its child and created with the case; a
 * person's registration uses the person's own key. A field whose key has been destroyed reads as erased. The
 * stored bytes, and so the hash chain over them, hold only ciphertext: the ledger verifies before and after. Fields
 * marked {@link YearKeyed} (an erasure's note) are encrypted under the key of their year instead ({@link YearKeys}).
 */
class PersonalDataSerializer implements Serializer {

    static final String PREFIX = "pd1:";

    private final Serializer delegate;
    private final ObjectMapper json;
    private final DataKeys keys;
    private final YearKeys yearKeys;
    private final Map<String, List<RecordComponent>> annotatedFields = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<RecordComponent>> encryptedFields = new ConcurrentHashMap<>();

    PersonalDataSerializer(Serializer delegate, ObjectMapper json, DataKeys keys, YearKeys yearKeys) {
        this.delegate = delegate;
        this.json = json;
        this.keys = keys;
        this.yearKeys = yearKeys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof CaseOpened opened) {
            keys.ensure(opened.caseId().value(), opened.child().value());
        }
        List<RecordComponent> fields = personalFields(object.getClass());
        List<RecordComponent> yearFields = yearKeyedFields(object.getClass());
        if (fields.isEmpty() && yearFields.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = json.valueToTree(object);
        if (!fields.isEmpty()) {
            UUID keyId = keyIdOf((LedgerEvent) object);
            if (!keys.known(keyId)) {
                if (object instanceof PersonEvent) {
                    keys.ensure(keyId, keyId);
                } else {
                    keys.ensureForCase(keyId);
                }
            }
            SecretKey key = keys.key(keyId).orElseThrow(() -> new PersonalDataErasedException(keyId));
            seal(tree, fields, object.getClass(), keyId, key);
        }
        if (!yearFields.isEmpty()) {
            YearKeys.Keyed year = yearKeys.key(YearKeys.Purpose.ERASURE_NOTES, ((LedgerEvent) object).envelope().recordedAt());
            if (year.key() == null) {
                throw new PersonalDataErasedException(year.keyId());
            }
            seal(tree, yearFields, object.getClass(), year.keyId(), year.key());
        }
        try {
            SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class,
                    delegate.typeForClass(object.getClass()));
            return delegate.getConverter().convert(bytes, expectedRepresentation);
        } catch (IOException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    private static void seal(ObjectNode tree, List<RecordComponent> fields, Class<?> type, UUID keyId, SecretKey key) {
        for (RecordComponent field : fields) {
            JsonNode value = tree.get(field.getName());
            if (value != null && value.isTextual()) {
                byte[] sealed = Aes.encrypt(key, value.asText().getBytes(StandardCharsets.UTF_8), context(type, field));
                tree.put(field.getName(), PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
            }
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        Class<?> type = delegate.classForType(serialized.getType());
        List<RecordComponent> fields = encryptedFields(type);
        if (fields.isEmpty()) {
            return delegate.deserialize(serialized);
        }
        ObjectNode tree = delegate.getConverter().convert(serialized, JsonNode.class).getData().deepCopy();
        for (RecordComponent field : fields) {
            JsonNode value = tree.get(field.getName());
            if (value != null && value.isTextual() && value.asText().startsWith(PREFIX)) {
                Optional<String> plaintext = decrypt(value.asText(), type, field);
                if (plaintext.isPresent()) {
                    tree.put(field.getName(), plaintext.get());
                } else if (field.getType() == String.class) {
                    tree.put(field.getName(), PersonalData.ERASED);
                } else {
                    tree.putNull(field.getName());
                }
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serialized.getType()));
    }

    private Optional<String> decrypt(String stored, Class<?> type, RecordComponent field) {
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        UUID keyId = UUID.fromString(parts[0]);
        return keys.key(keyId).map(key -> new String(Aes.decrypt(key, Base64.getUrlDecoder().decode(parts[1]), context(type, field)),
                StandardCharsets.UTF_8));
    }

    /** Binds a ciphertext to its event type and field, so that it cannot be moved to another without failing. */
    private static byte[] context(Class<?> type, RecordComponent field) {
        return (type.getName() + "#" + field.getName()).getBytes(StandardCharsets.UTF_8);
    }

    private static UUID keyIdOf(LedgerEvent event) {
        if (event instanceof CaseEvent caseEvent) {
            return caseEvent.caseId().value();
        }
        if (event instanceof PersonEvent personEvent) {
            return personEvent.personId().value();
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " carries personal data but belongs to no case or person");
    }

    private List<RecordComponent> personalFields(Class<?> type) {
        return annotated(type, PersonalData.class);
    }

    private List<RecordComponent> yearKeyedFields(Class<?> type) {
        return annotated(type, YearKeyed.class);
    }

    /** Every field stored encrypted, under whichever key: read back alike, by the key id the ciphertext names. */
    private List<RecordComponent> encryptedFields(Class<?> type) {
        return encryptedFields.computeIfAbsent(type, t -> Stream.concat(personalFields(t).stream(), yearKeyedFields(t).stream()).toList());
    }

    private List<RecordComponent> annotated(Class<?> type, Class<? extends Annotation> annotation) {
        return annotatedFields.computeIfAbsent(type.getName() + "@" + annotation.getSimpleName(), key -> type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).filter(field -> field.isAnnotationPresent(annotation)).toList()
                : List.of());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
