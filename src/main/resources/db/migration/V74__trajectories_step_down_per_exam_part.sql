-- trajectories: a step-down from B1 to A2 is per exam part (reading, listening, writing, speaking) and records the
-- lesson hours and the classroom hours on which it rests. Step-downs recorded before were for the route as a whole.
alter table route_change
    add column parts text[] check (parts <@ array['READING', 'LISTENING', 'WRITING', 'SPEAKING']::text[]),
    add column lesson_hours numeric(7, 1),
    add column classroom_hours numeric(7, 1);
update route_change set parts = array['READING', 'LISTENING', 'WRITING', 'SPEAKING'] where kind = 'STEP_DOWN';
