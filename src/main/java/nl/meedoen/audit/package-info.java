/**
 * The processing log (Logboek Dataverwerkingen): who read or changed whose file, when,
 * and for which purpose. Other modules call {@link nl.meedoen.audit.AuditLog} in the same
 * transaction as the processing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Logboek dataverwerkingen",
        allowedDependencies = { "platform", "identity" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.audit;
