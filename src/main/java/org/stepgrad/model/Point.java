package org.stepgrad.model;

/** One data point (x, y) a curve is fitted to. */
public record Point(double x, double y) {
}
