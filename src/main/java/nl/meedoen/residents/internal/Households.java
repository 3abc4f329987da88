package nl.meedoen.residents.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.HouseholdRole;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: people who live together, each with a role. A person belongs to at most one
 * household at a time, and a household has at most one head.
 */
@Service
public class Households {

    public record Membership(UUID personId, HouseholdRole role) {
    }

    public record Member(UUID personId, HouseholdRole role, LocalDate since, String name, LocalDate dateOfBirth,
            boolean ended) {

        public int ageOn(LocalDate day) {
            return Period.between(dateOfBirth, day).getYears();
        }
    }

    public record Household(UUID id, int version, List<Member> members) {

        /** The members' ids, for logging that the household is shown. */
        public List<UUID> personIds() {
            return members.stream().map(Member::personId).toList();
        }
    }

    private final JdbcClient jdbc;

    private final AuditLog audit;

    Households(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Household create(List<Membership> members) {
        UUID municipality = Tenancy.require();
        checkComposition(members);
        for (Membership member : members) {
            requirePerson(municipality, member.personId());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into household (id, municipality_id, version) values (:id, :m, 0)")
            .param("id", id)
            .param("m", municipality)
            .update();
        for (Membership member : members) {
            join(municipality, id, member);
        }
        return find(municipality, id).orElseThrow();
    }

    /**
     * A household of the current municipality; 404 for any other, and under need-to-know
     * for one of which the caller's team may open no member's file.
     */
    @Transactional(readOnly = true)
    public Household open(UUID id) {
        return findOpen(Tenancy.require(), id).orElseThrow(NotFoundException::new);
    }

    private Optional<Household> findOpen(UUID municipality, UUID id) {
        return find(municipality, id).filter(h -> Tenancy.teamScope().isEmpty() || !h.members().isEmpty());
    }

    @Transactional
    public Household add(UUID householdId, Membership member, int version) {
        UUID municipality = Tenancy.require();
        Household household = findOpen(municipality, householdId).orElseThrow(NotFoundException::new);
        expectVersion(municipality, householdId, version);
        requirePerson(municipality, member.personId());
        List<Membership> after = new ArrayList<>(
                household.members().stream().map(m -> new Membership(m.personId(), m.role())).toList());
        after.add(member);
        checkComposition(after);
        join(municipality, householdId, member);
        touch(municipality, householdId);
        return find(municipality, householdId).orElseThrow();
    }

    @Transactional
    public Household remove(UUID householdId, UUID personId, int version) {
        UUID municipality = Tenancy.require();
        findOpen(municipality, householdId).orElseThrow(NotFoundException::new);
        expectVersion(municipality, householdId, version);
        int removed = jdbc.sql("""
                delete from household_member where municipality_id = :m and household_id = :h and person_id = :p""")
            .param("m", municipality)
            .param("h", householdId)
            .param("p", personId)
            .update();
        if (removed == 0) {
            throw new NotFoundException();
        }
        audit.record(AuditAction.HOUSEHOLD, personId);
        touch(municipality, householdId);
        return find(municipality, householdId).orElseThrow();
    }

    private void join(UUID municipality, UUID householdId, Membership member) {
        try {
            jdbc.sql("""
                    insert into household_member (municipality_id, household_id, person_id, role, since)
                    values (:m, :h, :p, :role, current_date)""")
                .param("m", municipality)
                .param("h", householdId)
                .param("p", member.personId())
                .param("role", member.role().name())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("household.alreadyMember");
        }
        audit.record(AuditAction.HOUSEHOLD, member.personId());
    }

    /**
     * Holds the household for this change and refuses it when someone else changed it
     * since the caller read it.
     */
    private void expectVersion(UUID municipality, UUID householdId, int version) {
        int current = jdbc.sql("select version from household where municipality_id = :m and id = :id for update")
            .param("m", municipality)
            .param("id", householdId)
            .query(Integer.class)
            .single();
        if (current != version) {
            throw new StaleVersionException();
        }
    }

    private void touch(UUID municipality, UUID householdId) {
        jdbc.sql("update household set version = version + 1 where municipality_id = :m and id = :id")
            .param("m", municipality)
            .param("id", householdId)
            .update();
    }

    private void requirePerson(UUID municipality, UUID personId) {
        boolean exists = jdbc.sql("select exists (select 1 from person where municipality_id = :m and id = :id)")
            .param("m", municipality)
            .param("id", personId)
            .query(Boolean.class)
            .single();
        if (!exists) {
            throw new NotFoundException();
        }
        boolean member = jdbc
            .sql("select exists (select 1 from household_member where municipality_id = :m and person_id = :id)")
            .param("m", municipality)
            .param("id", personId)
            .query(Boolean.class)
            .single();
        if (member) {
            throw new ConflictException("household.alreadyMember");
        }
    }

    private static void checkComposition(List<Membership> members) {
        if (members.isEmpty()) {
            throw new InvalidInputException("members", "household.members.required");
        }
        Set<UUID> seen = new HashSet<>();
        for (Membership member : members) {
            if (member.personId() == null || member.role() == null) {
                throw new InvalidInputException("members", "household.member.incomplete");
            }
            if (!seen.add(member.personId())) {
                throw new InvalidInputException("members", "household.member.twice");
            }
        }
        if (members.stream().filter(m -> m.role() == HouseholdRole.HEAD).count() > 1) {
            throw new InvalidInputException("members", "household.head.once");
        }
    }

    private Optional<Household> find(UUID municipality, UUID id) {
        Optional<Integer> version = jdbc.sql("select version from household where municipality_id = :m and id = :id")
            .param("m", municipality)
            .param("id", id)
            .query(Integer.class)
            .optional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        List<Member> members = jdbc.sql("""
                select hm.person_id, hm.role, hm.since, p.given_names || ' ' || p.family_name as name,
                       p.date_of_birth, p.ended_on is not null as ended
                from household_member hm join person p on p.id = hm.person_id and p.municipality_id = hm.municipality_id
                where hm.municipality_id = :m and hm.household_id = :h
                order by case hm.role when 'HEAD' then 0 when 'PARTNER' then 1 when 'CHILD' then 2 else 3 end,
                         p.date_of_birth
                """)
            .param("m", municipality)
            .param("h", id)
            .query((rs, i) -> new Member(rs.getObject("person_id", UUID.class),
                    HouseholdRole.valueOf(rs.getString("role")), rs.getObject("since", LocalDate.class),
                    rs.getString("name"), rs.getObject("date_of_birth", LocalDate.class), rs.getBoolean("ended")))
            .list();
        return Optional.of(new Household(id, version.get(), members));
    }

}
