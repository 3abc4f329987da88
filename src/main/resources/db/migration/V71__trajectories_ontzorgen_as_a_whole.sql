-- trajectories: ontzorgen as art. 56a Participatiewet has it. The municipality pays rent, energy, water and health
-- insurance together (no longer each on or off); the person's signed authorisation is recorded; ontzorgen ends early
-- when social assistance ends; a period longer than the legal months needs a recorded reason.
update ontzorgen set rent = true, energy = true, health_insurance = true;

alter table ontzorgen
    add column authorisation_signed_on  date,
    add column assistance_end           date,
    add column extended_until           date,
    add column extension_reason         text check (length(extension_reason) <= 1000),
    add constraint ontzorgen_as_a_whole check (rent and energy and health_insurance),
    add constraint ontzorgen_assistance_end check (assistance_end is null or assistance_end > assistance_start),
    add constraint ontzorgen_extension_reason check (extended_until is null or extension_reason is not null);
