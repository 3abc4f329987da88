-- network: what of a volunteer's contact the matched person may see in Mijn Meedoen. The volunteer agrees, the
-- volunteer coordinator records it; by default nothing is shared, so a resident sees only the volunteer's first name
-- until the volunteer said yes.
alter table volunteer add column shares_phone boolean not null default false;
alter table volunteer add column shares_email boolean not null default false;

select distribution_keys();
