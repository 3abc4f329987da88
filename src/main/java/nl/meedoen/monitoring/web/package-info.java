/** The monitor's pages and JSON API: the dashboard, indicators, exports and reports. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.monitoring.web;
