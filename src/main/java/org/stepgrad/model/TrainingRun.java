package org.stepgrad.model;

import java.util.List;

/**
 * A record of training: the parameters and the loss at every iteration, iteration 0 being the
 * start. Each iteration cost one loss evaluation, so runs of equal length are a fair comparison.
 * A run whose loss stops being a finite number ends there and says so.
 */
public record TrainingRun(String method, List<String> parameters, List<double[]> params, double[] losses, boolean diverged) {
    public TrainingRun {
        parameters = List.copyOf(parameters);
        params = params.stream().map(double[]::clone).toList();
        losses = losses.clone();
    }

    public int iterations() {
        return losses.length - 1;
    }

    public double startLoss() {
        return losses[0];
    }

    public double finalLoss() {
        return losses[losses.length - 1];
    }

    public double[] finalParams() {
        return params.get(params.size() - 1).clone();
    }
}
