package nl.meedoen.network.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.Matching;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): seeds 10,000
 * volunteers into Sliedrecht on the throw-away embedded PostgreSQL of the test setup and
 * times the candidate list (top 10) for a match request — generation check, eligibility,
 * scoring, explanation and the processing-log entry — printing p50/p95/p99/max, the
 * ranking alone, and the first call after a change (when the in-memory rows are
 * reloaded). Run with
 *
 * <pre>
 * ./mvnw -o test -Dtest=CandidatesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@MeedoenIntegrationTest
class CandidatesBenchmark {

    private static final int VOLUNTEERS = Integer.getInteger("bench.volunteers", 10_000);

    private static final int WARM_UP = 300;

    private static final int MEASURED = 1_000;

    @Autowired
    @Qualifier("owner")
    DataSource owner;

    @Autowired
    Municipalities municipalities;

    @Autowired
    Residents residents;

    @Autowired
    MatchRequests requests;

    @Autowired
    Matching matching;

    @Test
    void candidatesAmongTenThousandVolunteers() {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        seed(sliedrecht);
        Tenancy.runAs(sliedrecht, () -> {
            UUID person = residents.ofCategory(Category.PERMIT_HOLDER, 1).get(0).id();
            UUID request = requests.request(person,
                    new MatchRequests.Draft(VolunteerRole.LANGUAGE_BUDDY, List.of("ar", "ku"), List.of("SY"),
                            List.of("koken", "voetbal"), EnumSet.of(WeekdayPart.MONDAY_MORNING,
                                    WeekdayPart.WEDNESDAY_AFTERNOON, WeekdayPart.SATURDAY_MORNING),
                            "3362 AB", null, null));
            long eligible = JdbcClient.create(owner)
                .sql("""
                        select count(*) from volunteer where municipality_id = :m and active
                           and 'LANGUAGE_BUDDY' = any(roles) and vog_date > current_date - interval '3 years'""")
                .param("m", sliedrecht)
                .query(Long.class)
                .single();
            for (int i = 0; i < WARM_UP; i++) {
                matching.rank(requests.find(request).orElseThrow(), 10);
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                matching.rank(requests.find(request).orElseThrow(), 10);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            var loaded = requests.find(request).orElseThrow();
            long[] rankOnly = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                matching.rank(loaded, 10);
                rankOnly[i] = System.nanoTime() - start;
            }
            Arrays.sort(rankOnly);
            System.out.printf("%nCandidates benchmark: %d volunteers, %d eligible for the request (role, VOG, load)%n",
                    VOLUNTEERS, eligible);
            System.out.printf(
                    "top 10, %d calls after %d warm-up: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                    MEASURED, WARM_UP, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6);
            System.out.printf(
                    "ranking alone (generation check, eligibility and scoring in memory, no processing-log entry): p50 %.1f ms, "
                            + "p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms(rankOnly, 0.50), ms(rankOnly, 0.95), ms(rankOnly, 0.99), rankOnly[rankOnly.length - 1] / 1e6);
            long[] afterChange = new long[20];
            for (int i = 0; i < afterChange.length; i++) {
                bumpGeneration(sliedrecht);
                long start = System.nanoTime();
                matching.rank(requests.find(request).orElseThrow(), 10);
                afterChange[i] = System.nanoTime() - start;
            }
            Arrays.sort(afterChange);
            System.out.printf(
                    "first call after a change (this instance reloads the %d volunteers): p50 %.1f ms, "
                            + "max %.1f ms%n",
                    VOLUNTEERS, ms(afterChange, 0.50), afterChange[afterChange.length - 1] / 1e6);
            String load = "unknown";
            try {
                load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
            }
            catch (java.io.IOException ex) {
                // not on Linux
            }
            System.out.printf("cores %d, load average %s%n%n", Runtime.getRuntime().availableProcessors(), load);
        });
    }

    private void bumpGeneration(UUID municipality) {
        JdbcClient.create(owner)
            .sql("""
                    insert into network_generation (municipality_id, generation) values (:m, 1)
                    on conflict (municipality_id) do update set generation = network_generation.generation + 1""")
            .param("m", municipality)
            .update();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    /**
     * Volunteers with 1–3 of 20 languages, a background from 15 countries, interests,
     * availability, postcodes across 100 areas; four in five can be a language buddy,
     * VOGs spread over the last four years (so about a quarter expired), and a thousand
     * running matches for load.
     */
    private void seed(UUID municipality) {
        JdbcClient jdbc = JdbcClient.create(owner);
        jdbc.sql(
                """
                        insert into volunteer (id, municipality_id, given_name, family_name, postcode, postcode_area, gender,
                            languages, language_levels, countries, skills, interests, availability, roles, vog_date,
                            max_matches)
                        select gen_random_uuid(), :m, 'Bench', 'Vrijwilliger ' || i, (3300 + i % 100)::text, 3300 + i % 100,
                               (array['FEMALE', 'MALE'])[1 + i % 2],
                               case when i % 3 = 0 then array[l1] else array[l1, 'nl'] end,
                               case when i % 3 = 0 then array['NATIVE'] else array['NATIVE', 'FLUENT'] end,
                               array[(array['SY','ER','AF','SO','TR','MA','IQ','IR','UA','PL','NL','NL','NL','YE','SD'])[1 + (i * 7) % 15]],
                               array['koken'],
                               array[(array['voetbal','lezen','wandelen','muziek','tuinieren','schaken','naaien','fietsen','zingen','sport'])[1 + (i * 3) % 10]],
                               (random() * 2097151)::int,
                               case when i % 5 = 0 then array['WORK_MENTOR'] else array['LANGUAGE_BUDDY', 'BUDDY'] end,
                               current_date - (i % 1400),
                               1 + i % 3
                          from (select i, (array['ar','ti','fa','prs','so','tr','ku','ckb','kmr','uk','ru','pl','en','fr',
                                                 'de','es','am','ur','ps','nl'])[1 + (i * 13) % 20] as l1
                                  from generate_series(1, :n) as i) g""")
            .param("m", municipality)
            .param("n", VOLUNTEERS)
            .update();
        List<UUID> some = jdbc.sql("""
                select id from volunteer where municipality_id = :m and family_name like 'Vrijwilliger %'
                 order by id limit 1000""").param("m", municipality).query(UUID.class).list();
        UUID person = jdbc.sql("select person_id from match_request where municipality_id = :m limit 1")
            .param("m", municipality)
            .query(UUID.class)
            .optional()
            .orElseGet(UUID::randomUUID);
        List<Object[]> rows = new ArrayList<>();
        for (UUID volunteer : some) {
            rows.add(new Object[] { UUID.randomUUID(), municipality, person, volunteer });
        }
        for (Object[] row : rows) {
            jdbc.sql("""
                    with r as (insert into match_request (id, municipality_id, person_id, role, status)
                               values (:r, :m, :p, 'BUDDY', 'MATCHED') returning id)
                    insert into buddy_match (id, municipality_id, match_request_id, person_id, volunteer_id, role,
                                             status, score, proposed_on)
                    select gen_random_uuid(), :m, r.id, :p, :v, 'BUDDY', 'ACTIVE', 50, current_date from r""")
                .param("r", row[0])
                .param("m", row[1])
                .param("p", row[2])
                .param("v", row[3])
                .update();
        }
        bumpGeneration(municipality);
        jdbc.sql("analyze volunteer").update();
        jdbc.sql("analyze buddy_match").update();
    }

}
