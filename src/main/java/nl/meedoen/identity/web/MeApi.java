package nl.meedoen.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the logged-in user's name, roles, municipality and partner organisation. */
@RestController
class MeApi {

    record Me(UUID id, String username, String displayName, List<String> roles, Map<String, String> municipality,
            @Nullable UUID teamId, @Nullable UUID partnerId) {
    }

    @GetMapping("/api/v1/me")
    Me me() {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("no user"));
        return new Me(user.id(), user.username(), user.displayName(), List.of(user.role().name()),
                Map.of("code", user.municipality().code(), "name", user.municipality().name()), user.teamId(),
                user.partnerId());
    }

}
