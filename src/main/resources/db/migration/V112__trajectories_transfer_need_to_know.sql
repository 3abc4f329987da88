-- trajectories: need-to-know (V110) for a transfer offered to another municipality. The sending municipality's
-- teams see the offers of the files they may open; the receiving municipality sees what was offered to it.
create policy trajectory_transfer_need_to_know on trajectory_transfer as restrictive
    using (current_team() is null
           or municipality_id <> current_municipality()
           or person_open(person_id));
