package io.pulpperf.throughput.observe;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The scenario's marks (issue 28: each disruption) drawn on an observer's timeline the same way on
 * every chart: a vertical line at the mark's second from the chart's 0 s on every panel, named on
 * the first, so the resource and database charts line up with the task timeline's marks.
 */
public final class TimelineMarks {
    private TimelineMarks() {}

    /**
     * @param panels the chart's panels, top first; the top one carries the labels
     * @param zero   the instant the chart draws at 0 s (the task timeline's start)
     */
    public static void draw(List<ScenarioWindow.Mark> marks, Instant zero, List<XYPlot> panels) {
        for (ScenarioWindow.Mark m : marks) {
            double at = (m.at().toEpochMilli() - zero.toEpochMilli()) / 1000.0;
            for (int i = 0; i < panels.size(); i++) {
                ValueMarker line = new ValueMarker(at, Color.BLACK, new BasicStroke(1.5f));
                if (i == 0) {
                    line.setLabel(m.label());
                    line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                }
                panels.get(i).addDomainMarker(line);
            }
        }
    }
}
