package nl.meedoen.platform.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.providers.ObjectMapperProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The front page of the API reference at {@code /api/docs}: what holds for every
 * operation. Each module describes its own operations on its controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DESCRIPTION = """
            The API of Meedoen for partners, scripts and the chain. JSON under `/api/v1`.

            **Authentication.** The login session (cookie `MEEDOEN_SESSION`; requests that change something \
            send the CSRF token in the header `X-CSRF-TOKEN`) or HTTP Basic with a Meedoen account. Every call \
            acts for the municipality of the account: another municipality's record answers **404**, exactly \
            like a record that does not exist. A role that may not call an operation gets **403**.

            **Errors** are RFC 9457 problem details (`application/problem+json`) with a `detail` in Dutch, or \
            English with `Accept-Language: en`, and the request's `traceId` (also in the response header \
            `X-Request-Id`). Validation errors (400) carry `errors: [{field, message}]`, one per field, also for \
            a value of the wrong type or an unknown enum value. A business rule that forbids the request as it \
            stands answers 422, a clash with the current state (a duplicate, an illegal step) 409.

            **Versions.** A record that can be changed carries its version as an `ETag` (`"3"`). An update names \
            the version it changes in `If-Match`: without it **428**, with a version that is not the current one \
            (someone else changed the record) or that names no version at all **412**. Nothing is overwritten \
            silently.

            **Dates** are ISO dates (`2026-12-01`) in the Dutch calendar (Europe/Amsterdam); instants are ISO \
            date-times with offset.

            **Privacy.** Every read of a person's data is logged in the processing log (Logboek \
            Dataverwerkingen) with the caller, the purpose and the trace id; every change too.
            """;

    @Bean
    OpenAPI meedoenOpenApi() {
        return new OpenAPI().info(new Info().title("Meedoen API").version("v1").description(DESCRIPTION))
            .components(ErrorResponsesInReference.withProblemSchema(new Components())
                .addSecuritySchemes("session",
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name("MEEDOEN_SESSION"))
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
            .addSecurityItem(new SecurityRequirement().addList("session"))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    ErrorResponsesInReference errorResponsesInReference() {
        return new ErrorResponsesInReference();
    }

    @Bean
    IfMatchInReference ifMatchInReference() {
        return new IfMatchInReference();
    }

    /**
     * Reads the bodies as springdoc does, but names each schema after the type that owns
     * it ({@link OwnerQualifiedSchemaNames}); it takes the place of springdoc's resolver.
     */
    @Bean
    ModelResolver ownerQualifiedModelResolver(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new OwnerQualifiedSchemaNames());
    }

}
