/**
 * Writing CSV files that are safe to open in a spreadsheet: every export goes through
 * {@link nl.meedoen.platform.csv.SafeCsv}.
 */
@org.jspecify.annotations.NullMarked
package nl.meedoen.platform.csv;
