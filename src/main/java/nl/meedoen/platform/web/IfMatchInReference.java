package nl.meedoen.platform.web;

import java.util.Arrays;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents a handler's {@link IfMatch} parameter as what the caller sends: the
 * {@code If-Match} header with the version read as {@code ETag}, not a query object.
 */
class IfMatchInReference implements OperationCustomizer {

    IfMatchInReference() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (takesIfMatch(handler)) {
            operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH)
                .description("The version this change is made to, as read in the ETag (`\"3\"`)")
                .schema(new StringSchema().example("\"3\"")));
        }
        return operation;
    }

    static boolean takesIfMatch(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == IfMatch.class);
    }

}
