package org.caseledger.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.UUID;
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
import org.caseledger.projections.personaldata.PersonalFields;
import org.caseledger.projections.personaldata.StoredText;

/**
 * The event serializer, encrypting the fields marked {@link PersonalData} on the way into the store and, as it reads,
 * either decrypting them ({@link Reading#OPENED}: for aggregates and answers) or leaving them sealed
 * ({@link Reading#SEALED}: for the read models, which store them so and open them only to answer). A case's fields use the case file's key, owned by its child and created with the case; a
 * person's registration uses the person's own key. A field whose key has been destroyed reads as erased. The
 * stored bytes, and so the hash chain over them, hold only ciphertext: the ledger verifies before and after. Fields
 * marked {@link YearKeyed} (an erasure's note) are encrypted under the key of their year instead ({@link YearKeys}).
 */
class PersonalDataSerializer implements Serializer {

    /** What reading does with an encrypted field. */
    enum Reading {
        /** Decrypted; erased when its key was destroyed. */
        OPENED,
        /**
         * Left encrypted, in the form {@link SealedText} opens: reads no key and decrypts nothing. A field that is not
         * text (an identity number) reads as absent.
         */
        SEALED
    }

    private final Reading reading;
    private final Serializer delegate;
    private final ObjectMapper json;
    private final DataKeys keys;
    private final YearKeys yearKeys;

    PersonalDataSerializer(Reading reading, Serializer delegate, ObjectMapper json, DataKeys keys, YearKeys yearKeys) {
        this.reading = reading;
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
        List<RecordComponent> fields = PersonalFields.personal(object.getClass());
        List<RecordComponent> yearFields = PersonalFields.yearKeyed(object.getClass());
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
                tree.put(field.getName(), StoredText.seal(keyId, key, value.asText(), PersonalFields.context(type, field)).toString());
            }
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        Class<?> type = delegate.classForType(serialized.getType());
        List<RecordComponent> fields = PersonalFields.encrypted(type);
        if (fields.isEmpty()) {
            return delegate.deserialize(serialized);
        }
        ObjectNode tree = delegate.getConverter().convert(serialized, JsonNode.class).getData().deepCopy();
        if (reading == Reading.OPENED) {
            PersonalFields.open(tree, type, keys::key);
        } else {
            for (RecordComponent field : fields) {
                JsonNode value = tree.get(field.getName());
                if (value != null && value.isTextual() && StoredText.isStored(value.asText())) {
                    tree.put(field.getName(), field.getType() == String.class
                            ? SealedText.of(PersonalFields.contextName(type, field), value.asText()) : null);
                }
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serialized.getType()));
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
