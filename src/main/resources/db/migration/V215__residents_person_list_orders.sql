-- The person list in its other orders (issue 19): the latest arrival first and by category, each then by name,
-- chosen on the index like the order by name (person_active_sort_idx), so a page of the largest municipality
-- reads 25 entries instead of sorting every open file.
create index if not exists person_active_arrival_idx
    on person (municipality_id, arrival_date desc nulls last, sort_name, id) where ended_on is null;
create index if not exists person_active_category_idx
    on person (municipality_id, category, sort_name, id) where ended_on is null;

select distribution_keys();
