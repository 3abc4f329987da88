/** The notification pages and the start page's list of notifications. */
@NullMarked
package nl.meedoen.work.web;

import org.jspecify.annotations.NullMarked;
