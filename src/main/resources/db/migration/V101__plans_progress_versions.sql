-- A goal's status and an action's done mark are changed with the version of that progress a client read (If-Match,
-- or the page's hidden field), so two caseworkers recording progress at once cannot overwrite each other. An
-- action marked not done keeps its row (done_on empty), so its version keeps counting instead of starting again.
alter table plan_goal_progress add column version integer not null default 0;
alter table plan_action_progress add column version integer not null default 0;
alter table plan_action_progress alter column done_on drop not null;
