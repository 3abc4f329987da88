/**
 * The provision directory (sociale kaart): the partner organisations of a municipality
 * and their provisions, searchable by domain, language and free text, printable for a
 * person, and imported and exported as CSV. Partner users are accounts with the role
 * PARTNER linked to one organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sociale kaart",
        allowedDependencies = { "platform", "identity" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.provisions;
