package org.caseledger.api.contract;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * Swagger's model resolver, naming schemas by {@link NestedTypeNames}, with the schemas of the ledger's values as the
 * value objects check them: a value that is a string of a form (a unit's id, a case number, an identity number) gets
 * the form its constructor checks, taken from there, and an example.
 */
final class ValueSchemas extends ModelResolver {

    private record Form(Pattern pattern, String example) {
    }

    private static final Map<Class<?>, Form> FORMS = Map.of(
            UnitId.class, new Form(UnitId.FORMAT, "vivalla"),
            StaffId.class, new Form(StaffId.FORMAT, "anna.lind"),
            LegalBasisId.class, new Form(LegalBasisId.FORMAT, "SFS2025:400-20kap2"),
            CaseNumber.class, new Form(CaseNumber.FORMAT, "2026-00042"),
            PersonalIdentityNumber.class, new Form(PersonalIdentityNumber.FORMAT, "20150312-2382"));

    ValueSchemas() {
        super(Json31.mapper(), new NestedTypeNames());
        openapi31(true);
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = super.resolve(type, context, chain);
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        Form form = FORMS.get(raw);
        if (form != null) {
            schema.pattern(form.pattern().pattern());
            if (schema.getExample() == null) {
                schema.example(form.example());
            }
        }
        return schema;
    }
}
