package org.stepgrad.web.api;

import org.stepgrad.lesson.Lesson;
import org.stepgrad.model.Landscape;
import org.stepgrad.model.ModelError;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Bulkhead;
import org.stepgrad.web.http.ByteCache;

/**
 * Slices of the loss landscape, computed once per lesson and query under the bulkhead and kept in
 * a cache bounded by bytes; the API and the lesson page's drawing share them. A lesson reloaded
 * from LESSONS_DIR is a new object, so its old slices simply stop being asked for.
 */
public final class LandscapeService {
    private final Bulkhead bulkhead;
    private final ByteCache<Key, Landscape> slices = ByteCache.of(16L << 20, (k, l) -> l.bytes() + 64);

    /** A slice depends on the lesson object (its model and range) and the query. */
    record Key(Lesson lesson, LandscapeQuery query) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lesson == lesson && k.query.equals(query);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(lesson) + query.hashCode();
        }
    }

    public LandscapeService(Bulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    /** The slice over the lesson's sliders' range (±knob-range on both axes). */
    public Landscape slice(Lesson lesson, LandscapeQuery q) {
        return slices.get(new Key(lesson, q), k -> bulkhead.call(() -> {
            try {
                return Landscape.of(LandscapeQuery.model(lesson), q.at(), q.x(), q.y(), lesson.knobRange(), q.size());
            } catch (ModelError e) {
                throw new ApiError(400, e.getMessage());
            }
        }));
    }
}
