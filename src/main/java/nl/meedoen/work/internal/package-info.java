/**
 * The notifications as stored, and the listeners that make them from other modules'
 * events.
 */
@NullMarked
package nl.meedoen.work.internal;

import org.jspecify.annotations.NullMarked;
