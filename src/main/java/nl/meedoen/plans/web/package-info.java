/** Pages and JSON API of personal plans: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.plans.web;
