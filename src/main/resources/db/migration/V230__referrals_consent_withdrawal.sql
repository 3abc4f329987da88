-- referrals: the person withdraws a consent they gave (Mijn Meedoen). From the day of the withdrawal the consent no
-- longer counts as a basis for sharing: the partner sees the referral's shared data only under another recorded legal
-- basis. The referral itself stays as it is until the caseworker decides what happens with it.
alter table referral add column consent_withdrawn_on date;
alter table referral add constraint referral_consent_withdrawn_after_given
    check (consent_withdrawn_on is null or (consent_given_on is not null and consent_withdrawn_on >= consent_given_on));

select distribution_keys();
