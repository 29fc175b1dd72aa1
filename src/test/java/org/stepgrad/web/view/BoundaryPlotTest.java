package org.stepgrad.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stepgrad.model.Activation;
import org.stepgrad.model.Classifier;

/** The boundary plot against classifiers whose boundary is known exactly. */
class BoundaryPlotTest {
    private static final List<Classifier.Sample> CORNERS = List.of(new Classifier.Sample(-1, -1, 0), new Classifier.Sample(1, 1, 1),
            new Classifier.Sample(-1, 1, 0), new Classifier.Sample(1, -1, 1));
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** p = σ(tanh(x1 − 0.3)): one half exactly on the vertical line x1 = 0.3. */
    private static final Classifier VERTICAL = new Classifier(1, Activation.TANH, CORNERS, new double[] {1, 0, 1}, new double[] {-0.3, 0});

    @Test
    void the_half_line_of_a_vertical_boundary_is_vertical_at_its_place() {
        BoundaryPlot plot = new BoundaryPlot(CORNERS);
        String contour = plot.contour(VERTICAL, VERTICAL.start());
        assertFalse(contour.isEmpty());
        double x = plot.sx(0.3);
        Matcher m = Pattern.compile("[ML](-?[\\d.]+) (-?[\\d.]+)").matcher(contour);
        int points = 0;
        double top = Double.POSITIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        while (m.find()) {
            assertEquals(x, Double.parseDouble(m.group(1)), 0.05, contour);
            top = Math.min(top, Double.parseDouble(m.group(2)));
            bottom = Math.max(bottom, Double.parseDouble(m.group(2)));
            points++;
        }
        assertEquals(2 * BoundaryPlot.GRID, points, "one segment per row of cells");
        assertEquals(BoundaryPlot.TOP, top, 0.05);
        assertEquals(BoundaryPlot.TOP + BoundaryPlot.SIDE, bottom, 0.05);
    }

    @Test
    void the_cells_tile_the_square_once_and_are_shaded_by_the_side_they_are_on() {
        BoundaryPlot plot = new BoundaryPlot(CORNERS);
        double area = 0;
        for (BoundaryPlot.Band band : plot.bands(VERTICAL, VERTICAL.start())) {
            Matcher m = Pattern.compile("M(-?[\\d.]+) (-?[\\d.]+)H(-?[\\d.]+)V(-?[\\d.]+)H").matcher(band.path());
            while (m.find()) {
                double left = Double.parseDouble(m.group(1)), width = Double.parseDouble(m.group(3)) - left;
                area += width * (Double.parseDouble(m.group(4)) - Double.parseDouble(m.group(2)));
                // left of the line p < 0.5 (bands 0–4), right of it p > 0.5 (bands 5–9)
                if (left + width <= plot.sx(0.3)) assertTrue(band.band() < 5, band.cssClass());
                if (left >= plot.sx(0.3)) assertTrue(band.band() >= 5, band.cssClass());
            }
        }
        assertEquals(BoundaryPlot.SIDE * BoundaryPlot.SIDE, area, 1);
    }

    @Test
    void a_classifier_sure_of_one_class_everywhere_has_no_half_line_and_one_band() {
        Classifier sure = new Classifier(1, Activation.TANH, CORNERS, new double[] {0, 0, 0}, new double[] {0, 9});
        BoundaryPlot plot = new BoundaryPlot(CORNERS);
        assertEquals("", plot.contour(sure, sure.start()));
        List<BoundaryPlot.Band> bands = plot.bands(sure, sure.start());
        assertEquals(1, bands.size());
        assertEquals("band band-9", bands.get(0).cssClass());
        assertTrue(NUMBER.matcher(bands.get(0).path()).find());
    }

    @Test
    void probabilities_fall_in_tenths_and_a_number_that_is_not_one_is_neutral() {
        assertEquals(0, BoundaryPlot.band(0));
        assertEquals(4, BoundaryPlot.band(0.4999));
        assertEquals(5, BoundaryPlot.band(0.5));
        assertEquals(9, BoundaryPlot.band(1));
        assertEquals(5, BoundaryPlot.band(Double.NaN));
    }
}
