package org.district.pd.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG line charts of the run's CSV files, drawn with JFreeChart. */
final class Charts {

    private final Path folder;

    Charts(Path folder) {
        this.folder = folder;
    }

    /**
     * One chart from {@code csv}: the first column on x, the named columns as lines. Returns the PNG's file name, or
     * null when the CSV is missing or empty.
     */
    String draw(String csv, String png, String title, String yLabel, String... columns) throws IOException {
        Path file = folder.resolve(csv);
        if (!Files.exists(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2) {
            return null;
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        XYSeriesCollection data = new XYSeriesCollection();
        List<XYSeries> series = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (String column : columns) {
            series.add(new XYSeries(column.replace('_', ' '), false, true));
            indexes.add(header.indexOf(column));
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double x = Double.parseDouble(cells[0]);
            for (int i = 0; i < series.size(); i++) {
                series.get(i).add(x, Double.parseDouble(cells[indexes.get(i)]));
            }
        }
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(folder.resolve(png).toFile(), chart, 900, 420);
        return png;
    }
}
