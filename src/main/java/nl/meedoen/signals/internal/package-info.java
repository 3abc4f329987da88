/** The evaluation engine, the store of signals, settings and outreach reports. */
@NullMarked
package nl.meedoen.signals.internal;

import org.jspecify.annotations.NullMarked;
