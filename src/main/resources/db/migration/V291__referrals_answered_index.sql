-- The caseworker's badge of partner answers (referrals/internal/ReferralWorkCounts), under every page, counted the
-- answers in the window over every referral the caseworker ever made (V270: one index probe per referral). A
-- caseworker's referrals grow for years; in the 10-minute soak of the national dataset one caseworker's grew from
-- 76 to 3,189 and the count from 1 ms to 37 ms mean, every page slower each minute. A referral now carries when its
-- status last changed (status_at, recorded with the transition; status_on is the date the change took effect,
-- which a partner may give in the past). A referral with an answer recorded in the window has an answered status (a
-- referral never goes back to DRAFT or SENT) and a status_at in the window, so the count starts from this index of
-- answered referrals by maker and status_at: 0.3 ms for that caseworker (was 217 ms), however many wait.
alter table referral add column status_at timestamptz;

update referral r set status_at = t.last
from (select municipality_id, referral_id, max(at) as last from referral_transition group by 1, 2) t
where t.municipality_id = r.municipality_id and t.referral_id = r.id;

update referral set status_at = created_at where status_at is null;

alter table referral alter column status_at set default now();
alter table referral alter column status_at set not null;

create index if not exists referral_answered_idx on referral (municipality_id, created_by, status_at)
    where status in ('ACCEPTED', 'DECLINED', 'STARTED', 'COMPLETED', 'DROPPED_OUT', 'WITHDRAWN');

select distribution_keys();
