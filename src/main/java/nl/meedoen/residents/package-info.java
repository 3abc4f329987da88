/**
 * Persons (permit holders, family migrants, established migrants and others) and their
 * households: the file (dossier) every other module builds on. Every read and change is
 * written to the processing log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inwoners en huishoudens",
        allowedDependencies = { "platform", "identity", "audit" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.residents;
