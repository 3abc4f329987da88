package nl.meedoen.audit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.OwnData;
import nl.meedoen.audit.PersonalData;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's own copy of the subject-access export ({@link OwnData}): the export of
 * {@link SubjectAccess}, with every value that names a member of staff (an account's id,
 * username or name, in any column) replaced by the role and team, the log's actors
 * likewise, and the columns and sections that stay out of the resident's view left out.
 */
@Service
class OwnCopies implements OwnData {

    /** Columns that stay out of the resident's own view, in every section. */
    static final Set<String> HIDDEN_COLUMNS = Set.of("health_notes", "personal_circumstances", "note", "notes",
            "remark", "decision_note", "override_reason");

    /** Sections that stay out of it as a whole. */
    static final Set<String> HIDDEN_SECTIONS = Set.of("exchange.coa_remark");

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final SubjectAccess exports;

    private final SubjectAccessLetter letter;

    private final JdbcClient jdbc;

    private final MessageSource messages;

    OwnCopies(SubjectAccess exports, SubjectAccessLetter letter, JdbcClient jdbc, MessageSource messages) {
        this.exports = exports;
        this.letter = letter;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A member of staff as the resident reads them. */
    private record Staff(String role, @Nullable String team) {

        String words() {
            return team == null ? role : role + ", " + team;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Copy of(UUID personId) {
        return copy(exports.export(personId));
    }

    private Copy copy(SubjectAccess.Export export) {
        Map<String, Staff> staff = staff();
        List<Section> sections = new ArrayList<>();
        for (PersonalData.Section section : export.sections()) {
            if (HIDDEN_SECTIONS.contains(section.key())) {
                continue;
            }
            List<Item> items = new ArrayList<>();
            for (Map<String, @Nullable Object> record : section.records()) {
                List<Field> fields = new ArrayList<>();
                record.forEach((column, value) -> {
                    if (value != null && !HIDDEN_COLUMNS.contains(column)) {
                        fields.add(new Field(column, ColumnLabels.dutch(column), named(value, staff)));
                    }
                });
                items.add(new Item(fields));
            }
            sections.add(new Section(section.key(), section.title(), items));
        }
        List<Access> accesses = export.accesses().stream().map(access -> {
            Staff who = staff.get(access.actor());
            if (who != null) {
                return new Access(access.at(), who.role(), who.team(), access.action(), access.purpose());
            }
            // the person's own account, or the system's jobs (no role of an account)
            String role = "RESIDENT".equals(access.actorRole()) ? role("RESIDENT") : null;
            return new Access(access.at(), role, null, access.action(), access.purpose());
        }).toList();
        return new Copy(export.madeAt(), sections, accesses, export.accessesInLog());
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] letter(UUID personId) {
        SubjectAccess.Export export = exports.export(personId);
        Copy copy = copy(export);
        List<PersonalData.Section> sections = copy.sections().stream().map(section -> {
            List<Map<String, @Nullable Object>> records = section.items().stream().map(item -> {
                Map<String, @Nullable Object> record = new LinkedHashMap<>();
                item.fields().forEach(field -> record.put(field.column(), field.value()));
                return record;
            }).toList();
            return new PersonalData.Section(section.key(), section.title(), records);
        }).toList();
        List<SubjectAccess.Access> accesses = copy.accesses()
            .stream()
            .map(a -> new SubjectAccess.Access(a.at(),
                    a.role() == null ? "Meedoen (het systeem)"
                            : a.team() == null ? a.role() : a.role() + ", " + a.team(),
                    null, a.action(), a.purpose()))
            .toList();
        return letter.pdf(new SubjectAccess.Export(export.personId(), export.name(), export.identification(),
                copy.madeAt(), sections, accesses, copy.accessesInLog()));
    }

    /**
     * Every account of the municipality but the residents', by id, username and name.
     */
    private Map<String, Staff> staff() {
        Map<String, Staff> staff = new HashMap<>();
        jdbc.sql("""
                select u.id, u.username, u.display_name, u.role, t.name from app_user u
                left join team t on t.id = u.team_id
                where u.municipality_id = :m and u.role <> 'RESIDENT'""")
            .param("m", Tenancy.require())
            .query((rs, i) -> {
                Staff member = new Staff(role(rs.getString(4)), rs.getString(5));
                staff.put(rs.getString(1), member);
                staff.put(rs.getString(2), member);
                if (rs.getString(3) != null && !rs.getString(3).isBlank()) {
                    staff.putIfAbsent(rs.getString(3), member);
                }
                return 0;
            })
            .list();
        return staff;
    }

    private String role(String role) {
        return messages.getMessage("role." + role, null, role, DUTCH);
    }

    private static Object named(Object value, Map<String, Staff> staff) {
        if (value instanceof String text) {
            Staff member = staff.get(text);
            return member == null ? text : member.words();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> named(v, staff)).toList();
        }
        return value;
    }

}
