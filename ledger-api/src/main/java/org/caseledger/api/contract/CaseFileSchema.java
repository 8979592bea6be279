package org.caseledger.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The case file's two forms in the document. The signed JSON's schema (docs/case-file.schema.json, copied onto the class
 * path by the build) gives the export's answer its exact shape: the schema as {@code CaseFile}, each of its definitions
 * as {@code CaseFile<Name>}, its references pointed at them; the file stays the one place the format is written down.
 * The PDF's answer is a PDF: its controller sets the type as it answers, so the document is told here.
 */
@Component
class CaseFileSchema implements OpenApiCustomizer {

    static final String NAME = "CaseFile";
    private static final String RESOURCE = "contract/case-file.schema.json";
    private static final String DEFINITIONS = "#/$defs/";
    private static final String PDF_PATH = "/api/v1/audit/cases/{caseId}/export.pdf";

    @Override
    public void customise(OpenAPI openApi) {
        ObjectNode root = (ObjectNode) read();
        root.remove("$schema");
        root.remove("$id");
        JsonNode definitions = root.remove("$defs");
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        add(schemas, NAME, root);
        definitions.properties().forEach(definition -> add(schemas, nameOf(definition.getKey()), definition.getValue()));
        pdf(openApi);
    }

    private static void pdf(OpenAPI openApi) {
        PathItem path = openApi.getPaths().get(PDF_PATH);
        if (path == null || path.getGet() == null) {
            throw new IllegalStateException("the document has no GET " + PDF_PATH);
        }
        Operation operation = path.getGet();
        operation.summary("Print a case's case file as PDF").description("""
                The case file for people to read and to archive, as an A4 PDF/A-3u, with the signed JSON case file of the \
                export attached, so that the paper and the evidence travel together. Decided and logged as the export is.""");
        ApiResponse ok = operation.getResponses().get("200");
        ok.description("The case file, PDF")
                .content(new Content().addMediaType("application/pdf", new MediaType().schema(new StringSchema().format("binary"))))
                .addHeaderObject(HttpHeaders.CONTENT_DISPOSITION, new Header().schema(new StringSchema()));
    }

    private static void add(Map<String, Schema> schemas, String name, JsonNode schema) {
        if (schemas.containsKey(name)) {
            throw new IllegalStateException("the schema name " + name + " is taken");
        }
        pointReferencesAtComponents(schema);
        schemas.put(name, Json31.mapper().convertValue(schema, Schema.class));
    }

    private static void pointReferencesAtComponents(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith(DEFINITIONS)) {
                object.set("$ref", TextNode.valueOf("#/components/schemas/" + nameOf(ref.asText().substring(DEFINITIONS.length()))));
            }
        }
        node.forEach(CaseFileSchema::pointReferencesAtComponents);
    }

    private static String nameOf(String definition) {
        return NAME + Character.toUpperCase(definition.charAt(0)) + definition.substring(1);
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return Json31.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the case file's schema is missing from the class path: " + RESOURCE, e);
        }
    }
}
