-- The tables made after the keys were rebuilt (notifications, start-page visits) and those of migrations numbered
-- below V151 that a database may have received later (open-signal and log-entry counts): give their primary keys,
-- unique rules and foreign keys municipality_id as well, as V151 did for the others. distribution_keys() leaves
-- a key that already includes it alone, so running it again changes nothing else.
select distribution_keys();
