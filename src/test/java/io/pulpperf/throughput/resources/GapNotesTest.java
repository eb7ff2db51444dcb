package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 27: one gap note per cause, not one per series. */
@DisplayName("Gap notes: one per target and interval")
class GapNotesTest {
    private static final String PROC = "target 127.0.0.1:9256 (job proc) down from +16.0 s to +24.0 s; its scrapes took up to 1.00 s "
            + "(scrape timeout 1 s: scrapes ran into it)";
    private static final String PG = "target 127.0.0.1:9187 (job postgres) down from +40.0 s to +44.0 s";

    @Test
    void eightSeriesOfOneDownExporterAreOneNoteAndAnotherTargetIsAnother() {
        GapNotes notes = new GapNotes();
        String[] names = {"postgres-realpulp CPU", "pulp-api CPU", "pulp-content CPU", "pulp-worker CPU", "pulp-api RSS", "pulp-worker RSS",
            "postgres-realpulp RSS", "pulp-content RSS"};
        for (int i = 0; i < names.length; i++) notes.add(names[i], coverage(68 + i % 4, 100, 16.0, 24.0), false, PROC);
        notes.add("DB connections", coverage(90 - 5, 100, 40.0, 44.0), false, PG);
        notes.add("DB locks", coverage(0, 100, 0.0, 60.0), true, PG);
        List<String> out = notes.notes();
        assertThat(out).containsExactly(
                PROC + ": 8 series partial (68-71% of samples): postgres-realpulp CPU, pulp-api CPU, pulp-content CPU, pulp-worker CPU, "
                        + "pulp-api RSS, pulp-worker RSS, postgres-realpulp RSS, pulp-content RSS",
                PG + ": 1 series partial (85% of samples): DB connections; 1 series missing (no sample in the window): DB locks");
    }

    @Test
    void withoutAKnownCauseSeriesWithTheSameHolesGroupAndALoneOneKeepsItsOwnSentence() {
        GapNotes notes = new GapNotes();
        notes.add("a", coverage(70, 100, 5.0, 9.0), false, "");
        notes.add("b", coverage(72, 100, 5.0, 9.0), false, "");
        notes.add("c", coverage(50, 100, 30.0, 40.0), false, "");
        assertThat(notes.notes()).containsExactly("no samples from +5.0 s to +9.0 s: 2 series partial (70-72% of samples): a, b",
                "series 'c' partial: 50% of the expected samples (50 of 100); none from +30.0 s to +40.0 s");
    }

    private static SeriesCoverage coverage(int present, int expected, double from, double to) {
        return new SeriesCoverage(present / (double) expected, expected, present, List.of(new SeriesGap(from, to)));
    }
}
