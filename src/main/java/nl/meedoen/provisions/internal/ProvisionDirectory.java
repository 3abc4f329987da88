package nl.meedoen.provisions.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.provisions.Domain;
import nl.meedoen.provisions.PartnerKind;
import nl.meedoen.provisions.Provisions;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provision directory of the current municipality: partner organisations and their
 * provisions, searched by domain, language and free text. Holds no personal data of
 * residents.
 */
@Service
public class ProvisionDirectory implements Provisions {

    /** What the directory is searched for; every part optional. */
    public record Query(@Nullable Domain domain, @Nullable String language, @Nullable String text,
            boolean includeInactive) {
    }

    private static final String SELECT = """
            select p.id, p.partner_id, o.name as partner_name, p.name, p.description, p.domain, p.target_group,
                   p.languages, p.cost, p.accessibility, p.location, p.opening_hours, p.how_to_apply, p.active,
                   p.version
            from provision p join partner_organisation o on o.id = p.partner_id and o.municipality_id = p.municipality_id
            where p.municipality_id = :m""";

    private static final String PARTNER_SELECT = """
            select id, name, kind, contact_name, email, phone, street, house_number, postcode, city
            from partner_organisation where municipality_id = :m""";

    private final JdbcClient jdbc;

    ProvisionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ProvisionDetails> search(Query query) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (!query.includeInactive()) {
            sql.append(" and p.active");
        }
        if (query.domain() != null) {
            sql.append(" and p.domain = :domain");
        }
        if (query.language() != null && !query.language().isBlank()) {
            sql.append(" and :language = any(p.languages)");
        }
        String text = query.text() == null ? "" : query.text().strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        if (!text.isEmpty()) {
            sql.append(" and (p.name ilike :q or p.description ilike :q or o.name ilike :q"
                    + " or coalesce(p.target_group, '') ilike :q or coalesce(p.location, '') ilike :q)");
        }
        sql.append(" order by p.name, o.name, p.id");
        var statement = jdbc.sql(sql.toString()).param("m", Tenancy.require());
        if (query.domain() != null) {
            statement = statement.param("domain", query.domain().name());
        }
        if (query.language() != null && !query.language().isBlank()) {
            statement = statement.param("language", query.language().strip().toLowerCase(Locale.ROOT));
        }
        if (!text.isEmpty()) {
            statement = statement.param("q",
                    "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return statement.query(ProvisionDirectory::details).list();
    }

    @Transactional(readOnly = true)
    public Optional<ProvisionDetails> details(UUID provisionId) {
        return jdbc.sql(SELECT + " and p.id = :id")
            .param("m", Tenancy.require())
            .param("id", provisionId)
            .query(ProvisionDirectory::details)
            .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Offer> offeredIn(Collection<String> languageCodes) {
        List<String> codes = languageCodes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc
            .sql("""
                    select p.id, p.name, o.name, p.domain, p.description, p.target_group, p.languages, p.cost, p.location,
                           p.opening_hours, p.how_to_apply, o.phone, o.email
                    from provision p join partner_organisation o on o.id = p.partner_id and o.municipality_id = p.municipality_id
                    where p.municipality_id = :m and p.active and p.languages && string_to_array(:codes, ',')
                    order by array_position(string_to_array(:domains, ','), p.domain), p.name, p.id""")
            .param("m", Tenancy.require())
            .param("codes", String.join(",", codes))
            .param("domains", String.join(",", Arrays.stream(Domain.values()).map(Enum::name).toList()))
            .query((rs, n) -> new Offer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    Domain.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                    List.of((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), rs.getString(12), rs.getString(13)))
            .list();
    }

    /**
     * The language codes offered by the active provisions, for the directory's filter.
     */
    @Transactional(readOnly = true)
    public List<String> languagesOffered() {
        return jdbc.sql("""
                select distinct unnest(languages) as code from provision where municipality_id = :m and active
                order by code""").param("m", Tenancy.require()).query(String.class).list();
    }

    @Transactional
    public ProvisionDetails create(ProvisionInput input) {
        ProvisionData data = input.toData(this::partnerExists);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql(
                    """
                            insert into provision (id, municipality_id, partner_id, name, description, domain, target_group,
                                languages, cost, accessibility, location, opening_hours, how_to_apply, active)
                            values (:id, :m, :partner, :name, :description, :domain, :target, string_to_array(:languages, ','), :cost, :access,
                                :location, :hours, :apply, :active)""")
                .param("id", id)
                .param("m", Tenancy.require())
                .params(columns(data))
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new InvalidInputException("name", "provisions.name.duplicate");
        }
        return details(id).orElseThrow();
    }

    /**
     * Changes a provision; {@code version} is the one the editor read (412 when someone
     * else changed it since).
     */
    @Transactional
    public ProvisionDetails update(UUID id, int version, ProvisionInput input) {
        ProvisionData data = input.toData(this::partnerExists);
        details(id).orElseThrow(NotFoundException::new);
        int updated;
        try {
            updated = jdbc
                .sql("""
                        update provision set partner_id = :partner, name = :name, description = :description,
                            domain = :domain, target_group = :target, languages = string_to_array(:languages, ','), cost = :cost,
                            accessibility = :access, location = :location, opening_hours = :hours,
                            how_to_apply = :apply, active = :active, version = version + 1, updated_at = now()
                        where id = :id and municipality_id = :m and version = :version""")
                .param("id", id)
                .param("m", Tenancy.require())
                .param("version", version)
                .params(columns(data))
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new InvalidInputException("name", "provisions.name.duplicate");
        }
        if (updated == 0) {
            throw new StaleVersionException();
        }
        return details(id).orElseThrow();
    }

    @Transactional
    public void setActive(UUID id, boolean active) {
        int updated = jdbc.sql("""
                update provision set active = :active, version = version + 1, updated_at = now()
                where id = :id and municipality_id = :m""")
            .param("active", active)
            .param("id", id)
            .param("m", Tenancy.require())
            .update();
        if (updated == 0) {
            throw new NotFoundException();
        }
    }

    @Transactional(readOnly = true)
    public List<PartnerDetails> partners() {
        return jdbc.sql(PARTNER_SELECT + " order by name, id")
            .param("m", Tenancy.require())
            .query(PartnerDetails.class)
            .list();
    }

    @Transactional(readOnly = true)
    public Optional<PartnerDetails> partnerDetails(UUID id) {
        return jdbc.sql(PARTNER_SELECT + " and id = :id")
            .param("m", Tenancy.require())
            .param("id", id)
            .query(PartnerDetails.class)
            .optional();
    }

    /**
     * Adds a partner organisation: a name (at most 200 characters, once per municipality)
     * and a kind are required.
     */
    @Transactional
    public PartnerDetails createPartner(@Nullable String name, @Nullable PartnerKind kind, @Nullable String contactName,
            @Nullable String email, @Nullable String phone, @Nullable String street, @Nullable String houseNumber,
            @Nullable String postcode, @Nullable String city) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new InvalidInputException.FieldError("name", "provisions.partner.name.required"));
        }
        else if (name.strip().length() > 200) {
            errors.add(new InvalidInputException.FieldError("name", "field.tooLong"));
        }
        if (kind == null) {
            errors.add(new InvalidInputException.FieldError("kind", "provisions.partner.kind.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into partner_organisation (id, municipality_id, name, kind, contact_name, email, phone,
                        street, house_number, postcode, city)
                    values (:id, :m, :name, :kind, :contact, :email, :phone, :street, :number, :postcode, :city)""")
                .param("id", id)
                .param("m", Tenancy.require())
                .param("name", name.strip())
                .param("kind", kind.name())
                .param("contact", ProvisionInput.blankToNull(contactName))
                .param("email", ProvisionInput.blankToNull(email))
                .param("phone", ProvisionInput.blankToNull(phone))
                .param("street", ProvisionInput.blankToNull(street))
                .param("number", ProvisionInput.blankToNull(houseNumber))
                .param("postcode", ProvisionInput.blankToNull(postcode))
                .param("city", ProvisionInput.blankToNull(city))
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("provisions.partner.duplicate");
        }
        return partnerDetails(id).orElseThrow();
    }

    public boolean partnerExists(UUID partnerId) {
        return partnerDetails(partnerId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Provision> find(UUID provisionId) {
        return details(provisionId).map(ProvisionDirectory::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Provision> findAll(Collection<UUID> provisionIds) {
        if (provisionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and p.id in (:ids)")
            .param("m", Tenancy.require())
            .param("ids", List.copyOf(provisionIds))
            .query(ProvisionDirectory::details)
            .list()
            .stream()
            .map(ProvisionDirectory::summary)
            .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Provision> active() {
        return search(new Query(null, null, null, false)).stream().map(ProvisionDirectory::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Partner> partner(UUID partnerId) {
        return partnerDetails(partnerId).map(p -> new Partner(p.id(), p.name(), p.kind()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, PartnerContact> contacts(Collection<UUID> partnerIds) {
        Map<UUID, PartnerContact> contacts = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return contacts;
        }
        jdbc.sql(PARTNER_SELECT + " and id in (:ids)")
            .param("m", Tenancy.require())
            .param("ids", partnerIds)
            .query(PartnerDetails.class)
            .list()
            .forEach(p -> contacts.put(p.id(), new PartnerContact(p.phone(), p.email(), address(p))));
        return contacts;
    }

    private static @Nullable String address(PartnerDetails p) {
        String street = p.street() == null ? "" : (p.street() + (p.houseNumber() == null ? "" : " " + p.houseNumber()));
        String place = ((p.postcode() == null ? "" : p.postcode()) + " " + (p.city() == null ? "" : p.city())).strip();
        String address = street.isEmpty() ? place : (place.isEmpty() ? street : street + ", " + place);
        return address.isEmpty() ? null : address;
    }

    private static Provision summary(ProvisionDetails d) {
        return new Provision(d.id(), d.name(), d.partnerId(), d.partnerName(), d.domain(), d.languages(), d.active());
    }

    static Map<String, Object> columns(ProvisionData data) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("partner", data.partnerId());
        columns.put("name", data.name());
        columns.put("description", data.description());
        columns.put("domain", data.domain().name());
        columns.put("target", data.targetGroup());
        columns.put("languages", String.join(",", data.languages()));
        columns.put("cost", data.cost());
        columns.put("access", data.accessibility());
        columns.put("location", data.location());
        columns.put("hours", data.openingHours());
        columns.put("apply", data.howToApply());
        columns.put("active", data.active());
        return columns;
    }

    static ProvisionDetails details(ResultSet rs, int row) throws SQLException {
        return new ProvisionDetails(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"), rs.getString("name"), rs.getString("description"),
                Domain.valueOf(rs.getString("domain")), rs.getString("target_group"), strings(rs.getArray("languages")),
                rs.getString("cost"), rs.getString("accessibility"), rs.getString("location"),
                rs.getString("opening_hours"), rs.getString("how_to_apply"), rs.getBoolean("active"),
                rs.getInt("version"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

}
