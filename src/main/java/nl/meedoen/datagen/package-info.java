/**
 * A national-scale test dataset: 342 municipalities, each with a team, and as many
 * synthetic persons and households as asked for, written with PostgreSQL {@code COPY}.
 * Active only when {@code meedoen.datagen.persons} is set (Maven profile
 * {@code datagen}); a normal start of the application never runs it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Landelijke testdataset",
        allowedDependencies = { "platform", "residents" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.datagen;
