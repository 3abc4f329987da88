-- trajectories: the municipal fine under art. 22-23 Wi2021 as its own process under the Awb. A proposal (by a
-- caseworker or the broad intake's no-show ladder) states the facts and the ground; blame is assessed, the person is
-- told of the intent and their view recorded, and only then a team lead decides (at most the legal maximum in force on
-- the decision date, reduced where the capacity to pay requires) with the objection period. Every step is kept.

create table fine (
    id                        uuid primary key,
    municipality_id           uuid not null references municipality (id),
    person_id                 uuid not null,              -- owned by residents; id only
    ground                    text not null check (ground in ('INTAKE', 'PIP', 'PVT', 'MAP', 'LEARNING_ROUTE')),
    facts                     text not null check (length(facts) between 1 and 4000),
    appointment_id            uuid references intake_appointment (id),   -- the no-show that proposed it
    proposed_amount           integer check (proposed_amount >= 0),
    benefit_sanction_possible boolean not null default false,            -- flagged to the income service
    status                    text not null default 'PROPOSED' check (status in ('PROPOSED', 'NOTICE_SENT',
                                  'VIEW_RECORDED', 'DECIDED', 'NOT_BLAMEWORTHY', 'WITHDRAWN')),
    proposed_on               date not null,
    blame_assessment          text check (length(blame_assessment) <= 4000),
    notice_sent_on            date,
    person_view               text check (length(person_view) <= 4000),
    view_given                boolean,
    view_recorded_on          date,
    decided_on                date,
    amount                    integer check (amount > 0),
    maximum_amount            integer check (maximum_amount > 0),      -- the legal maximum applied
    reduction_reason          text check (length(reduction_reason) <= 2000),
    objection_deadline        date,
    sanction_choice           text check (sanction_choice in ('FINE', 'BENEFIT_SANCTION')),
    ended_on                  date,
    end_reason                text check (length(end_reason) <= 2000),
    version                   integer not null default 0,
    created_at                timestamptz not null default now(),
    check ((status = 'DECIDED') = (amount is not null and decided_on is not null and objection_deadline is not null)),
    check (amount is null or amount <= maximum_amount),
    check (sanction_choice is null or benefit_sanction_possible)
);
create index fine_person_idx on fine (municipality_id, person_id, created_at);
-- One fine process per missed appointment, however often the ladder is replayed.
create unique index fine_appointment_once on fine (appointment_id) where appointment_id is not null;

-- The history of a fine: each step, when and by whom, with what was recorded at it.
create table fine_step (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    fine_id          uuid not null references fine (id),
    status           text not null,
    on_date          date not null,
    note             text check (length(note) <= 4000),
    user_id          uuid references app_user (id),
    created_at       timestamptz not null default now()
);
create index fine_step_fine_idx on fine_step (municipality_id, fine_id, created_at);

do $$
declare
    t text;
begin
    foreach t in array array['fine', 'fine_step']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
