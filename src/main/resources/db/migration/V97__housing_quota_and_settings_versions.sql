-- An official figure and a municipality's settings are changed with the version a client read (If-Match, or the page
-- form's hidden field), so two changes at once never silently overwrite each other.
alter table housing_quota add column version integer not null default 0;
alter table housing_setting add column version integer not null default 0;
alter table plan_setting add column version integer not null default 0;
alter table network_setting add column version integer not null default 0;
