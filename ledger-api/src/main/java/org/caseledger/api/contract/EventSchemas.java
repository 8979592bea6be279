package org.caseledger.api.contract;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.core.shared.LedgerEvent;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * A stored event's shape in the document: {@link EventHistory.Entry} is one of a schema per event type, told apart by
 * {@code type} (a discriminator), each with its {@code data} in the shape of that event, its envelope left out (the
 * entry carries it). The event types are found in the domain, so a new event is in the document without a change here.
 * The data schema is named as the event ({@code CaseOpened}), the entry's after it ({@code CaseOpenedEntry}).
 */
@Component
class EventSchemas implements OpenApiCustomizer {

    private static final String REF = "#/components/schemas/";
    private static final String ENTRY = NestedTypeNames.of(EventHistory.Entry.class);

    private final boolean openApi31;

    EventSchemas(SpringDocConfigProperties springDoc) {
        this.openApi31 = springDoc.isOpenapi31();
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Schema<?> entry = schemas.get(ENTRY);
        if (entry == null) {
            return;
        }
        Discriminator byType = new Discriminator().propertyName("type");
        Schema<?> oneOfTypes = new Schema<>().description(entry.getDescription() != null ? entry.getDescription()
                : "One stored event: its place in its stream, its type, the revision it is stored in, its envelope and its data, "
                + "in the shape its type says").discriminator(byType);
        for (Class<?> event : eventTypes()) {
            String type = event.getSimpleName();
            Map<String, Schema> resolved = new LinkedHashMap<>(ModelConverters.getInstance(openApi31).readAll(new AnnotatedType(event)));
            Schema<?> data = resolved.remove(type);
            if (data == null || schemas.containsKey(type) || schemas.containsKey(type + "Entry")) {
                throw new IllegalStateException("the event " + event.getName() + " has no schema of its own name, or its name is taken");
            }
            data.getProperties().remove("envelope");
            data.description("The data of a " + type + " event");
            resolved.forEach(schemas::putIfAbsent);
            schemas.put(type, data);
            schemas.put(type + "Entry", entryOf(entry, type));
            byType.mapping(type, REF + type + "Entry");
            oneOfTypes.addOneOfItem(new Schema<>().$ref(REF + type + "Entry"));
        }
        schemas.put(ENTRY, oneOfTypes);
        schemas.remove(LedgerEvent.class.getSimpleName());
    }

    /** The entry of one event type: the entry's members, with {@code type} that type and {@code data} its shape. */
    private static Schema<?> entryOf(Schema<?> entry, String type) {
        ObjectSchema typed = new ObjectSchema();
        typed.description("A stored " + type + " event");
        entry.getProperties().forEach((name, property) -> typed.addProperty(name, property));
        typed.addProperty("type", new StringSchema()._const(type));
        typed.addProperty("data", new Schema<>().$ref(REF + type));
        typed.required(List.of("sequenceNumber", "eventId", "type", "envelope", "data"));
        return typed;
    }

    private static List<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        return scanner.findCandidateComponents("org.caseledger.core").stream()
                .<Class<?>>map(candidate -> {
                    try {
                        return Class.forName(candidate.getBeanClassName(), false, EventSchemas.class.getClassLoader());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted(Comparator.comparing(Class::getSimpleName))
                .toList();
    }
}
