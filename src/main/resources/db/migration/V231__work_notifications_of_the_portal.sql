-- work: the caseworker's tasks from Mijn Meedoen: a consent withdrawn, a message from the resident, a change reported.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in ('REFERRAL_RESPONSE', 'SIGNALS_RAISED',
    'APPROVAL_DECIDED', 'CONSENT_WITHDRAWN', 'RESIDENT_MESSAGE', 'CHANGE_REPORTED'));

select distribution_keys();
