/** Pages and JSON API of referrals: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.referrals.web;
