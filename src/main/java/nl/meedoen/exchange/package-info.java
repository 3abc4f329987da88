/**
 * The chain: what other parties deliver comes in without typing it twice (the COA match
 * list into persons, households and housing matches; a partner organisation's attendance,
 * lesson hours, levels and exam results into the plan and the trajectory) and what the
 * chain asks for goes out. Every file is previewed before anything is written, and
 * written in one transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ketenuitwisseling",
        allowedDependencies = { "platform", "identity", "audit", "residents", "housing", "referrals", "provisions",
                "plans", "trajectories", "signals", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.exchange;
