package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The charts render as well-formed SVG (and PNG) whose legend names the series a reader looks for. */
class ChartsTest {
    /** Parses the SVG as XML (no DTD, no outside entity) and returns the text of every text element. */
    static List<String> svgTexts(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) out.add(texts.item(i).getTextContent());
        return out;
    }

    @Test
    void timelineIsValidSvgWithTitleAxesAndAllFiveSeries() throws Exception {
        var result = RunFixture.of("repo-1w", 1, 40).failed(5).build();
        JFreeChart chart = TimelineChart.of("repo-1w", result.metrics());
        String svg = Charts.svg(chart, TimelineChart.WIDTH, TimelineChart.HEIGHT);
        assertThat(svg).doesNotContain("<script").doesNotContain("<!DOCTYPE");
        List<String> texts = svgTexts(svg);
        assertThat(texts).contains("repo-1w: tasks over time", "created / s", "started, finished / s", "tasks (at interval end)",
                "seconds since the run's first task was created", "created", "started", "finished", "waiting (queue)", "running");
        // The chart is meant to be looked at: write it where a person (or the report check) can open it.
        Files.createDirectories(Path.of("target/charts"));
        Files.writeString(Path.of("target/charts/timeline-example.svg"), svg);
    }

    @Test
    void timelineSeriesAreSinglePathsSoTheSvgStaysSmall() {
        var result = RunFixture.of("big", 4, 160).build();
        String svg = Charts.svg(TimelineChart.of("big", result.metrics()), TimelineChart.WIDTH, TimelineChart.HEIGHT);
        // 4 workers x 100 tasks: hundreds of steps, yet one path per series (plus legend and frame paths)
        assertThat(svg.split("<path", -1).length - 1).as("path elements").isLessThan(30);
        assertThat(svg.length()).as("SVG size in characters").isLessThan(120_000);
    }

    @Test
    void timelineOfARunWithoutTasksStillRenders() throws Exception {
        var empty = new io.pulpperf.throughput.measure.RunAnalyzer().result(List.of());
        assertThat(svgTexts(Charts.svg(TimelineChart.of("empty", empty), 600, 400))).contains("empty: tasks over time");
    }

    @Test
    void scalingChartNamesEveryWorkloadItsIdealAndEfficiency() throws Exception {
        List<ScalingRow> rows = Scaling.rows(List.of(new Scaling.Point("repository-delete", "d1", 1, 40.0),
                new Scaling.Point("repository-delete", "d2", 2, 76.0), new Scaling.Point("distribution-create", "c2", 2, 25.0)));
        String svg = Charts.svg(ScalingChart.of("Throughput against task workers", rows), ScalingChart.WIDTH, ScalingChart.HEIGHT);
        List<String> texts = svgTexts(svg);
        assertThat(texts).contains("Throughput against task workers", "task workers online (N)", "tasks / s completed",
                "scaling efficiency (%)", "repository-delete", "repository-delete ideal (N x TPS(1))",
                "repository-delete efficiency", "distribution-create");
        assertThat(texts).as("point labels").contains("76.0 /s", "95%");
        assertThat(texts).doesNotContain("distribution-create efficiency");
        Files.createDirectories(Path.of("target/charts"));
        Files.writeString(Path.of("target/charts/scaling-example.svg"), svg);
    }

    @Test
    void scalingChartSaysSoWhenNoWorkloadHasAOneWorkerRun() throws Exception {
        List<ScalingRow> rows = Scaling.rows(List.of(new Scaling.Point("distribution-create", "c2", 2, 25.0)));
        assertThat(String.join(" ", svgTexts(Charts.svg(ScalingChart.of("t", rows), 800, 500))))
                .contains("no workload has a 1-worker run");
    }

    @Test
    void pngIsAPng() {
        var result = RunFixture.of("png", 1, 40).build();
        byte[] png = Charts.png(TimelineChart.of("png", result.metrics()), 400, 300);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
