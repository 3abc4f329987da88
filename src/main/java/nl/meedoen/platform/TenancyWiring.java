package nl.meedoen.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Hands the identity module's {@link TenantResolver} to {@link Tenancy}. */
@Component
class TenancyWiring {

    TenancyWiring(ObjectProvider<TenantResolver> resolvers) {
        resolvers.ifAvailable(Tenancy::useResolver);
    }

}
