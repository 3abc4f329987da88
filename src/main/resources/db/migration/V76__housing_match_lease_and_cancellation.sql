-- housing: the move period runs from the start of the lease, recorded on the match; a match can be cancelled (the
-- household found a home elsewhere, moved on, or another reason with a note), after which its persons can be matched
-- again. A cancelled match keeps its persons for the record; only the persons of a match that stands count.

alter table housing_match
    drop constraint housing_match_check,
    add column lease_start     date,
    add column cancelled_on    date,
    add column cancel_reason   text check (cancel_reason in ('HOUSED_ELSEWHERE', 'MOVED_ON', 'OTHER')),
    add column cancel_note     text check (length(cancel_note) <= 1000),
    add column version         integer not null default 0,
    add constraint housing_match_lease_after_match check (lease_start is null or lease_start >= match_date),
    -- the move deadline follows the housing deadline until the lease start is known, then the lease start
    add constraint housing_match_deadlines check (housing_deadline >= match_date
        and move_deadline >= coalesce(lease_start, housing_deadline)),
    add constraint housing_match_cancelled_with_reason check ((cancelled_on is null) = (cancel_reason is null)),
    add constraint housing_match_other_has_note check (cancel_reason is distinct from 'OTHER' or cancel_note is not null);

alter table housing_match_person add column cancelled boolean not null default false;

-- A person stands in one match at a time; cancelled matches do not count.
drop index housing_match_person_unique;
create unique index housing_match_person_unique on housing_match_person (municipality_id, person_id) where not cancelled;
