/** Model, rules and SQL of referrals; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.referrals.internal;
