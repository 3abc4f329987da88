-- What became of an intake appointment is recorded with the version a client read (If-Match, or the page's hidden
-- field), so two caseworkers recording an outcome at once cannot overwrite each other.
alter table intake_appointment add column version integer not null default 0;
