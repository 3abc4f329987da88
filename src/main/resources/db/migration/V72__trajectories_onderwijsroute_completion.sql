-- trajectories: the completion of the onderwijsroute (the bridging programme towards mbo, hbo or wo) is recorded.
alter table integration_duty
    add column onderwijs_completed_on date;
