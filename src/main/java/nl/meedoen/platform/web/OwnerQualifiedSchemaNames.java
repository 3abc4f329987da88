package nl.meedoen.platform.web;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names a schema of the API reference after the type that owns it: a body declared inside
 * a controller is {@code PlanApi.StatusRequest}, not {@code StatusRequest}, so two
 * modules' bodies of the same simple name never share one schema. A top-level type keeps
 * its simple name (it is unique within its module's API).
 */
class OwnerQualifiedSchemaNames extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        if (getUseFqn()) {
            return name;
        }
        StringBuilder qualified = new StringBuilder(name);
        for (Class<?> owner = type.getEnclosingClass(); owner != null; owner = owner.getEnclosingClass()) {
            qualified.insert(0, owner.getSimpleName() + ".");
        }
        return qualified.toString();
    }

}
