package org.caseledger.api.contract;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every read documents its conditional form ({@code org.caseledger.api.web.ConditionalReads}): ETag, If-None-Match,
 * 304; and the 406 it answers to an Accept it cannot meet.
 */
@Configuration(proxyBeanMethods = false)
class ConditionalReadsDocumented {

    @Bean
    OperationCustomizer conditionalReadsInTheDocument() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(GetMapping.class)) {
                return operation;
            }
            ApiResponses responses = operation.getResponses();
            responses.forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject("ETag", new Header().schema(new StringSchema())
                            .description("Names this answer: send it back in If-None-Match to be told 304 when nothing changed"));
                }
            });
            responses.addApiResponse("304", new ApiResponse()
                    .description("Not modified: the answer is the one If-None-Match named; no body"));
            if (!responses.containsKey("406")) {
                responses.addApiResponse("406", OpenApiConfiguration.problemResponse(
                        "The Accept header allows none of the types this read answers in"));
            }
            operation.addParametersItem(new HeaderParameter().name("If-None-Match").required(false)
                    .description("The ETag of an answer the client holds; a 304 means it is still the answer")
                    .schema(new StringSchema()));
            return operation;
        };
    }
}
