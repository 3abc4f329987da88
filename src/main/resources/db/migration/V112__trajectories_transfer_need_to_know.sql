-- trajectories: need-to-know (V110) for a transfer offered to another municipality. The sending municipality's
-- teams see the open offers of the files they may open; the receiving municipality sees what was offered to it; a
-- decided transfer keeps no facts (V78) and stays on record for the sender, whose file is then closed.
create policy trajectory_transfer_need_to_know on trajectory_transfer as restrictive
    using (current_team() is null
           or municipality_id <> current_municipality()
           or status <> 'OFFERED'
           or person_open(person_id));
