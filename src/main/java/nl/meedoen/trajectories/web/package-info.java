/** Pages and JSON API of trajectories: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.trajectories.web;
