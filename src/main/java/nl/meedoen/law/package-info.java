/**
 * The national law as one rule set, versioned by the date each rule takes effect: the
 * legal numbers of the Wet inburgering 2021, its Besluit, the Participatiewet and the Wet
 * inburgering (2013) that other modules compute with, each with its source. No
 * municipality can change them; a change of the law is a new version in the code base.
 * See {@code docs/law.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wet en regels", allowedDependencies = { "platform" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.law;
