package nl.meedoen.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the logged-in user's name, roles, municipality and partner organisation. */
@RestController
@Tag(name = "Me", description = "The logged-in user.")
class MeApi {

    record Me(UUID id, String username, String displayName, List<String> roles, Map<String, String> municipality,
            @Nullable UUID teamId, @Nullable UUID partnerId) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who is logged in", description = """
            The logged-in user's id, username, display name, role, municipality (code and name), team and \
            partner organisation. Any logged-in user; 401 without a login.""")
    Me me() {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("no user"));
        return new Me(user.id(), user.username(), user.displayName(), List.of(user.role().name()),
                Map.of("code", user.municipality().code(), "name", user.municipality().name()), user.teamId(),
                user.partnerId());
    }

}
