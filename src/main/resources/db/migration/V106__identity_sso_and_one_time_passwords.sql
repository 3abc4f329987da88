-- Single sign-on: an account provisioned from the municipality's OpenID Connect provider is matched on later
-- logins by the provider (issuer) and its subject; its local password is a random, never-shown hash.
-- A one-time password (a new account, a reset by the administrator) must be changed at the first login.
alter table app_user add column sso_issuer text;
alter table app_user add column sso_subject text;
alter table app_user add constraint app_user_sso_subject_unique unique (sso_issuer, sso_subject);
alter table app_user add column password_change_required boolean not null default false;
