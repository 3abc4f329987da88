/** The worklist, the settings and the outreach reports, as pages and as JSON. */
@NullMarked
package nl.meedoen.signals.web;

import org.jspecify.annotations.NullMarked;
