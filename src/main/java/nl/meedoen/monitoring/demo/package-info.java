/** The demo's national reference figures (CBS). */
@org.jspecify.annotations.NullMarked
package nl.meedoen.monitoring.demo;
