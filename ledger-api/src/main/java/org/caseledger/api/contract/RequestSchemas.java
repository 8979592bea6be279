package org.caseledger.api.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The request bodies' schemas say all a schema can of what the ledger refuses: no member it does not know (it reads
 * bodies strictly), and the members one requires depending on another ({@link RequiredWhen}, {@link ExactlyOne}). The
 * request records are found from the handlers' {@code @RequestBody} parameters, and the records they hold.
 *
 * <p>The rules between members are said as the shapes of body the ledger refuses ({@code not} any of them), never as a
 * {@code oneOf} or {@code allOf} of the body: generated clients read a composed schema as a union or mix of types, which a
 * request body is not, and the refused shapes compose without one.
 */
@Component
class RequestSchemas implements OpenApiCustomizer {

    private static final String API = "org.caseledger.api.";

    private final RequestMappingHandlerMapping handlers;

    RequestSchemas(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        for (Class<?> request : requestRecords()) {
            Schema<?> schema = schemas.get(NestedTypeNames.of(request));
            if (schema == null) {
                throw new IllegalStateException("the OpenAPI document has no schema for the request " + request.getName());
            }
            schema.setAdditionalProperties(false);
            List<Schema> forbidden = new ArrayList<>();
            for (RequiredWhen rule : request.getAnnotationsByType(RequiredWhen.class)) {
                forbidden.add(missingWhen(rule));
            }
            ExactlyOne exactlyOne = request.getAnnotation(ExactlyOne.class);
            if (exactlyOne != null) {
                forbidden.addAll(notExactlyOne(exactlyOne.value()));
            }
            if (!forbidden.isEmpty()) {
                schema.not(new Schema<>().description("Bodies of these shapes are refused").anyOf(forbidden));
            }
        }
    }

    /** The records that are request bodies, or members of one. */
    private Set<Class<?>> requestRecords() {
        Set<Class<?>> found = new LinkedHashSet<>();
        handlers.getHandlerMethods().values().forEach(handler -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getParameterType(), found);
                }
            }
        });
        return found;
    }

    private static void collect(Class<?> type, Set<Class<?>> found) {
        if (!type.isRecord() || !type.getName().startsWith(API) || !found.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            collect(component.getType(), found);
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        collect(element, found);
                    }
                }
            }
        }
    }

    /** The shape of a body that lacks {@code member} although {@code when} has one of the values (and {@code unless} is absent). */
    private static Schema<?> missingWhen(RequiredWhen rule) {
        String lacking = rule.unless().isEmpty() ? rule.member() : rule.member() + " (or " + rule.unless() + ")";
        Schema<?> missing = rule.unless().isEmpty() ? present(rule.member())
                : new Schema<>().anyOf(List.of(present(rule.member()), present(rule.unless())));
        return new Schema<>().description(rule.when() + " is " + String.join(" or ", rule.is()) + " but " + lacking + " is missing")
                .addProperty(rule.when(), new StringSchema()._enum(List.of(rule.is())))
                .required(List.of(rule.when()))
                .not(missing);
    }

    /** The shapes of a body with none of the members, or with two of them. */
    private static List<Schema> notExactlyOne(String[] members) {
        List<Schema> shapes = new ArrayList<>();
        shapes.add(new Schema<>().description("none of " + String.join(", ", members))
                .not(new Schema<>().anyOf(Arrays.stream(members).<Schema>map(RequestSchemas::present).toList())));
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                shapes.add(new Schema<>().description("both " + members[i] + " and " + members[j]).required(List.of(members[i], members[j])));
            }
        }
        return shapes;
    }

    private static Schema<?> present(String member) {
        return new Schema<>().required(List.of(member));
    }
}
