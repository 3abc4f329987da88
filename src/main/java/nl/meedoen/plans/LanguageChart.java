package nl.meedoen.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The language levels as a line chart drawn on the server (SVG): time from left to right,
 * levels A0 to C2 from bottom to top, one line per skill with its own dash pattern and
 * marker shape, so the lines differ without colour. The same data goes into a table
 * beside it. The caseworker's plan tab and the resident's own plan draw it with one
 * fragment ({@code plans/fragments :: languageChart}), each in its own words
 * ({@link Labels}).
 */
public record LanguageChart(int width, int height, List<Tick> levels, List<Tick> dates, List<Series> series,
        List<Row> rows, Labels labels) {

    static final int WIDTH = 640;

    static final int HEIGHT = 280;

    static final int LEFT = 48;

    static final int RIGHT = 24;

    static final int TOP = 16;

    static final int BOTTOM = 40;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM-yyyy");

    /** One level of one skill, assessed on a day. */
    public record Level(Skill skill, LanguageLevel level, LocalDate assessedOn, AssessmentSource source) {
    }

    /**
     * The chart's words in the reader's language: its title and description, the table's
     * caption and date heading, each skill and source by name, and how a day is written.
     */
    public record Labels(String title, String description, String table, String dateHeading, Map<Skill, String> skills,
            Map<AssessmentSource, String> sources, DateTimeFormatter days) {

        public String skill(Skill skill) {
            return skills.getOrDefault(skill, skill.name());
        }

        public String source(AssessmentSource source) {
            return sources.getOrDefault(source, source.name());
        }

        public String day(LocalDate day) {
            return days.format(day);
        }
    }

    /** A label on an axis at a coordinate. */
    public record Tick(String label, int at) {
    }

    /** A point of a line, with the text a pointer shows. */
    public record Point(int x, int y, String title) {
    }

    /** One skill's line. */
    public record Series(Skill skill, String points, List<Point> markers) {
    }

    /** One date of the table, with each skill's level that day (or null). */
    public record Row(LocalDate date, Map<Skill, @Nullable Level> levels) {

        public @Nullable Level of(Skill skill) {
            return levels.get(skill);
        }
    }

    /** The skills in their fixed order, for the legend and the table's columns. */
    public List<Skill> skills() {
        return List.of(Skill.values());
    }

    public static LanguageChart of(List<Level> assessments, Labels labels) {
        List<Tick> levelTicks = new ArrayList<>();
        for (LanguageLevel level : LanguageLevel.values()) {
            levelTicks.add(new Tick(level.name(), y(level)));
        }
        if (assessments.isEmpty()) {
            return new LanguageChart(WIDTH, HEIGHT, levelTicks, List.of(), List.of(), List.of(), labels);
        }
        LocalDate first = assessments.get(0).assessedOn();
        LocalDate last = assessments.get(assessments.size() - 1).assessedOn();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        List<Tick> dateTicks = new ArrayList<>();
        int ticks = first.equals(last) ? 1 : 4;
        for (int i = 0; i < ticks; i++) {
            LocalDate at = ticks == 1 ? first : first.plusDays(span * i / (ticks - 1));
            dateTicks.add(new Tick(MONTH.format(at), x(at, first, span, ticks == 1)));
        }
        List<Series> series = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            List<Level> ofSkill = assessments.stream().filter(a -> a.skill() == skill).toList();
            if (ofSkill.isEmpty()) {
                continue;
            }
            List<Point> points = ofSkill.stream()
                .map(a -> new Point(x(a.assessedOn(), first, span, first.equals(last)), y(a.level()),
                        labels.day(a.assessedOn()) + ": " + a.level()))
                .toList();
            String line = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
            series.add(new Series(skill, line, points));
        }
        Map<LocalDate, Map<Skill, @Nullable Level>> byDate = new TreeMap<>();
        for (Level a : assessments) {
            byDate.computeIfAbsent(a.assessedOn(), d -> new EnumMap<>(Skill.class)).put(a.skill(), a);
        }
        List<Row> rows = byDate.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
        return new LanguageChart(WIDTH, HEIGHT, levelTicks, dateTicks, series, rows, labels);
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    private static int y(LanguageLevel level) {
        int steps = LanguageLevel.values().length - 1;
        return TOP + (HEIGHT - TOP - BOTTOM) * (steps - level.ordinal()) / steps;
    }

    private static int x(LocalDate date, LocalDate first, long span, boolean single) {
        int plot = WIDTH - LEFT - RIGHT;
        if (single) {
            return LEFT + plot / 2;
        }
        return LEFT + (int) (plot * ChronoUnit.DAYS.between(first, date) / span);
    }
}
