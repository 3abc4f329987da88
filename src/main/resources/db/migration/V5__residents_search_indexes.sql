-- Person search at national scale (see docs/scale.md).
-- The persons whose file is open, in name order per municipality. The default search (ended files left out)
-- counts a municipality's persons with an index-only scan of this index instead of reading a heap page per
-- person, walks it in order to fill a page, and skips the rows before the page without reading them.
create index person_active_sort_idx on person (municipality_id, sort_name, id) where ended_on is null;
