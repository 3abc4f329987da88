-- housing: need-to-know (V110). The persons of a match and a placement follow their files (the policy V110 puts on
-- every table with person_id); a match itself is seen by a caseworker's team only when one of its persons is.
create policy housing_match_need_to_know on housing_match as restrictive for select
    using (current_team() is null
           or exists (select 1 from housing_match_person mp where mp.match_id = housing_match.id));

-- The quota ledger is the municipality's figure, the same for every team: the key handovers counted toward it are
-- read without the caller's team.
create function housing_key_handovers(m uuid, reunification boolean) returns setof date
    language sql stable
    set meedoen.team_id = ''
as $$
    select p.key_handover_date
    from housing_placement_person pp
    join housing_placement p on p.id = pp.placement_id and p.municipality_id = pp.municipality_id
    join housing_match_person mp on mp.person_id = pp.person_id and mp.municipality_id = pp.municipality_id
        and not mp.cancelled
    join housing_match hm on hm.id = mp.match_id and hm.municipality_id = mp.municipality_id
    where pp.municipality_id = m and (reunification or not hm.family_reunification)
$$;
