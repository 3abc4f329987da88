-- plans: a wish or a question the person adds to a goal of their adopted plan in Mijn Meedoen. The caseworker sees it
-- on the plan tab of the file, with the day it was asked, and marks it seen. Nothing is deleted: a seen question
-- stays with the plan. The goal keeps its id across versions, so the question follows the goal into later versions.
create table plan_question (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    plan_id          uuid not null,
    person_id        uuid not null,              -- owned by residents; id only
    goal_id          uuid not null,              -- a goal of an adopted version of the plan
    text             text not null check (length(text) between 1 and 1000),
    asked_at         timestamptz not null,
    asked_by         text not null,
    seen_at          timestamptz,
    seen_by          text,
    version          integer not null default 0,
    primary key (id, municipality_id),
    foreign key (plan_id, municipality_id) references plan (id, municipality_id),
    foreign key (person_id, municipality_id) references person (id, municipality_id),
    check ((seen_at is null) = (seen_by is null))
);
create index plan_question_plan_idx on plan_question (plan_id, municipality_id, asked_at);
create index plan_question_municipality_idx on plan_question (municipality_id);

alter table plan_question enable row level security;
alter table plan_question force row level security;
create policy plan_question_of_municipality on plan_question
    using (municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id = current_municipality() or current_municipality() is null);
create policy plan_question_need_to_know on plan_question as restrictive
    using (current_team() is null or person_open(person_id));

select distribution_keys();
