package org.stepgrad.layout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Layouts by graph shape, bounded by node count: a class opening one link lays it out once,
 * and two programs with the same shape but other numbers share a layout.
 */
public final class LayoutCache {
    private final Cache<Shape, Layout> layouts;

    public LayoutCache(long maxNodes) {
        layouts = Caffeine.newBuilder()
                .maximumWeight(maxNodes)
                .weigher((Shape s, Layout l) -> s.nodes().size() + s.edges().size() + 1)
                .build();
    }

    public Layout layout(Shape shape) {
        return layouts.get(shape, LayeredLayout::of);
    }
}
