/** The rule set over JSON and on the page {@code /regels}. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.law.web;
