-- A name search sorts every match of its prefix by name before it takes one page (the matches come from the token
-- index, so no ordered index can serve the order). The sort name was read from the table, a heap page per match
-- (3,212 for "ma" in the largest municipality: 20 ms as the application role); with it in the index of the open
-- files the search reads only the index (11 ms, docs/scale.md). The index is otherwise the one of V98.
create index person_current_sorted_idx on person (municipality_id, id)
    include (team_id, category, date_of_birth, registration_date, arrival_date, created_at, sort_name)
    where ended_on is null;
drop index person_current_idx;
alter index person_current_sorted_idx rename to person_current_idx;
