package org.stepgrad.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.model.Point;

/** The Curve Fitter's coordinates: arrows on a log scale, and box units turned back into data. */
class FitPlotTest {

    /** The arrow's length from the centre of its box, read from its path "M60 8 H<end> …". */
    static double length(double gradient) {
        String d = FitPlot.arrow(gradient);
        double end = Double.parseDouble(d.split(" ")[2].substring(1));
        return Math.abs(end - FitPlot.ARROW_WIDTH / 2.0);
    }

    @Test
    void an_arrow_grows_by_the_same_length_for_every_tenfold_gradient_and_points_the_way_the_loss_rises() {
        // the pair: 0.073 and 2.06 once drew the same arrow
        assertTrue(length(2.06) > length(0.073) + 10, length(2.06) + " against " + length(0.073));
        double decade = length(1) - length(0.1);
        assertEquals(decade, length(10) - length(1), 0.11);
        assertEquals(decade, length(0.1) - length(0.01), 0.11);
        assertEquals(Math.log10(2.06 / 0.073) * decade, length(2.06) - length(0.073), 0.2, "log scale between the issue's pair");
        assertEquals(length(2.06), length(-2.06), 0.11, "the sign turns the arrow, not its length");
        assertTrue(Double.parseDouble(FitPlot.arrow(-1).split(" ")[2].substring(1)) < 60, "negative: to the left");
        assertTrue(Double.parseDouble(FitPlot.arrow(1).split(" ")[2].substring(1)) > 60, "positive: to the right");
    }

    @Test
    void a_place_in_the_box_is_the_data_point_drawn_there() {
        List<Point> points = List.of(new Point(-1, -0.7), new Point(1, 0.5), new Point(0.3, 2));
        FitPlot plot = new FitPlot(points);
        for (Point p : points) {
            assertEquals(p.x(), plot.x(plot.sx(p.x())), 0.01);
            assertEquals(p.y(), plot.y(plot.sy(p.y())), 0.01);
        }
        assertEquals(0, plot.x(FitPlot.WIDTH / 2.0), 1e-12, "the middle column is x = 0 on a plot from −1 to 1");
    }
}
