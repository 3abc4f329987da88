package nl.meedoen.plans.internal;

import java.util.Locale;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.plans.Skill;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on the personal plan: language levels per skill, NT2
 * lesson hours, the "wegwijs" checklist, and work and income.
 */
@Configuration(proxyBeanMethods = false)
class PlanIndicators {

    /** Persons with a plan begun before the period's end. */
    private static final String WITH_PLAN = """
            select p.person_id from plan p join population on population.person_id = p.person_id
            where p.municipality_id = :municipality and p.started_on < cast(:until as date)""";

    private static final String B1_OR_HIGHER = "level in ('B1', 'B2', 'C1', 'C2')";

    @Bean
    Indicator languageA2ReadingIndicator() {
        return level("LANGUAGE_A2_READING", Skill.READING, "level = 'A2'");
    }

    @Bean
    Indicator languageB1ReadingIndicator() {
        return level("LANGUAGE_B1_READING", Skill.READING, B1_OR_HIGHER);
    }

    @Bean
    Indicator languageA2ListeningIndicator() {
        return level("LANGUAGE_A2_LISTENING", Skill.LISTENING, "level = 'A2'");
    }

    @Bean
    Indicator languageB1ListeningIndicator() {
        return level("LANGUAGE_B1_LISTENING", Skill.LISTENING, B1_OR_HIGHER);
    }

    @Bean
    Indicator languageA2WritingIndicator() {
        return level("LANGUAGE_A2_WRITING", Skill.WRITING, "level = 'A2'");
    }

    @Bean
    Indicator languageB1WritingIndicator() {
        return level("LANGUAGE_B1_WRITING", Skill.WRITING, B1_OR_HIGHER);
    }

    @Bean
    Indicator languageA2SpeakingIndicator() {
        return level("LANGUAGE_A2_SPEAKING", Skill.SPEAKING, "level = 'A2'");
    }

    @Bean
    Indicator languageB1SpeakingIndicator() {
        return level("LANGUAGE_B1_SPEAKING", Skill.SPEAKING, B1_OR_HIGHER);
    }

    /**
     * The share of persons at a level on one skill, from the latest assessment of that
     * skill before the period's end, among the persons with a plan assessed on it.
     */
    private static Indicator level(String code, Skill skill, String condition) {
        return Indicator.of(code, Area.SPEARHEADS, Measure.SHARE, null, """
                select count(*) filter (where latest.%s) as amount, count(*) as persons from (
                    select distinct on (l.person_id) l.person_id, l.level
                    from language_level l join (%s) planned on planned.person_id = l.person_id
                    where l.municipality_id = :municipality and l.skill = '%s'
                        and l.assessed_on < cast(:until as date)
                    order by l.person_id, l.assessed_on desc, l.created_at desc) latest""".formatted(condition,
                WITH_PLAN, skill.name().toUpperCase(Locale.ROOT)));
    }

    @Bean
    Indicator nt2HoursIndicator() {
        return Indicator.of("NT2_HOURS", Area.SPEARHEADS, Measure.TOTAL, null, """
                select coalesce(sum(e.hours), 0) as amount, count(distinct e.person_id) as persons
                from nt2_lesson_entry e join population on population.person_id = e.person_id
                where e.municipality_id = :municipality
                    and e.followed_until >= cast(:from as date) and e.followed_until < cast(:until as date)""");
    }

    @Bean
    Indicator wegwijsCompleteIndicator() {
        return Indicator.of("WEGWIJS_COMPLETE", Area.SPEARHEADS, Measure.SHARE, null, """
                select count(*) filter (where (select count(distinct w.place) from wegwijs_known w
                        where w.municipality_id = :municipality and w.person_id = planned.person_id
                            and w.known_on < cast(:until as date)
                            and w.place = any (s.wegwijs_places)) >= cardinality(s.wegwijs_places)) as amount,
                    count(*) as persons
                from (""" + WITH_PLAN + """
                ) planned cross join plan_setting s where s.municipality_id = :municipality""");
    }

    @Bean
    Indicator paidWorkShareIndicator() {
        return income("PAID_WORK_SHARE", "WAGES");
    }

    @Bean
    Indicator socialAssistanceShareIndicator() {
        return income("SOCIAL_ASSISTANCE_SHARE", "SOCIAL_ASSISTANCE");
    }

    @Bean
    Indicator educationShareIndicator() {
        return income("EDUCATION_SHARE", "STUDY_FINANCE");
    }

    /**
     * The share of persons with a plan who had income of the source at some time in the
     * period.
     */
    private static Indicator income(String code, String source) {
        return Indicator.of(code, Area.WORK_AND_INCOME, Measure.SHARE, null, """
                select count(*) filter (where exists (select 1 from income_period i
                        where i.municipality_id = :municipality and i.person_id = planned.person_id
                            and i.source = '%s' and i.starts_on < cast(:until as date)
                            and (i.ends_on is null or i.ends_on >= cast(:from as date)))) as amount,
                    count(*) as persons
                from (%s) planned""".formatted(source, WITH_PLAN));
    }

    @Bean
    Indicator paidHoursAverageIndicator() {
        return Indicator.of("PAID_HOURS_AVERAGE", Area.WORK_AND_INCOME, Measure.AVERAGE, null, """
                select avg(w.paid_hours_per_week) as amount, count(*) as persons
                from work_situation w join population on population.person_id = w.person_id
                where w.municipality_id = :municipality and w.paid_hours_per_week > 0""");
    }

}
