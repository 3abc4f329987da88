-- trajectories: the MAP records which of its themes were done (a set of theme codes), not a count.
-- map_themes_done stays, kept equal to the size of the set, for the fact tables and older readers.
alter table integration_duty
    add column map_themes text[] not null default '{}'
        check (map_themes <@ array['DUTCH_LABOUR_MARKET', 'WORK_AND_INCOME', 'LOOKING_FOR_WORK', 'WORK_SKILLS',
            'CAREER_ORIENTATION']::text[]);
