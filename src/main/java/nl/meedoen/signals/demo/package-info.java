/** The demo's signals and outreach reports. */
@NullMarked
package nl.meedoen.signals.demo;

import org.jspecify.annotations.NullMarked;
