package org.stepgrad.web.api;

import org.stepgrad.model.FitResult;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;

/**
 * The Curve Fitter's answers, computed once per distinct {@link FitQuery} and kept in a cache
 * bounded by bytes; the fit API and the fitter's page fragment share them, so a class pressing
 * Train from the same knobs costs one run. Concurrent requests for one query wait for one run.
 */
public final class FitService {
    /** About 1,600 answers of 2,000 steps, or tens of thousands of slider positions. */
    static final long MAX_BYTES = 32L << 20;

    private final ByteCache<FitQuery, FitResult> answers =
            ByteCache.of(MAX_BYTES, (q, r) -> 16L * q.points().size() + 8L * q.knobs().size() + r.bytes());

    /** The answer for {@code query} on {@code fit} (whose points and loss the query already holds). */
    public FitResult answer(PolynomialFit fit, FitQuery query) {
        return answers.get(query, q -> {
            try {
                return FitResult.of(fit, q.knobArray(), q.optimizer(), q.steps(), FitQuery.SEED);
            } catch (ModelError e) {
                throw new ApiError(422, "these knobs give no finite loss: " + e.getMessage());
            }
        });
    }

    /** The answer if it is cached, else null (for tests of the cache). */
    public FitResult cached(FitQuery query) {
        return answers.peek(query);
    }
}
