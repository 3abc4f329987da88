/** The indicator engine, small-count suppression, settings and reference figures. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.monitoring.internal;
