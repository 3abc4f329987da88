-- What a partner reads of the person is captured when the referral is sent: the fields the person agreed to share,
-- as they were on that day. The partner reads this capture, never the live file. A referral sent before this
-- migration has no capture and shows the partner nothing of the person.
alter table referral
    add column shared_at            timestamptz,
    add column shared_name          text,
    add column shared_date_of_birth date,
    add column shared_phone         text,
    add column shared_email         text,
    add column shared_address       text,
    add column shared_languages     text[];

-- After a referral ends (declined, completed, dropped out) the partner keeps seeing the person's details for this many
-- days, then only the outcome. A municipality's choice; 30 days by default.
alter table referral_setting
    add column partner_grace_days integer not null default 30 check (partner_grace_days between 0 and 365),
    add column version            integer not null default 0;
