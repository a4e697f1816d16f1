package org.phasegate.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The instants a replay must visit, each with what may change then (a measure id, an obligation's assessments,
 * or everything). Planned entries are packed as {@code (time - base) << 16 | tag} in one sorted long array,
 * which keeps a replay over hundreds of thousands of instants cheap; entries added while replaying (dates
 * relative to a gate that just opened) go to a small heap and are merged in order.
 */
final class Agenda {
    private static final int TAG_BITS = 16;
    private final List<String> tags = new ArrayList<>();
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final long horizon;
    private long[] times = new long[1024];
    private int[] tagOf = new int[1024];
    private int size;
    private long[] packed;
    private long base;
    private int cursor;
    private final PriorityQueue<long[]> later = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));

    Agenda(long horizon) {
        this.horizon = horizon;
    }

    /** Plans a visit at t (ignored beyond the horizon). */
    void add(long t, String what) {
        if (t > horizon) return;
        int tag = tagIds.computeIfAbsent(what, k -> {
            tags.add(k);
            return tags.size() - 1;
        });
        if (packed != null) {
            later.add(new long[] {t, tag});
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            tagOf = Arrays.copyOf(tagOf, size * 2);
        }
        times[size] = t;
        tagOf[size++] = tag;
    }

    private void freeze() {
        base = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) base = Math.min(base, times[i]);
        packed = new long[size];
        for (int i = 0; i < size; i++) packed[i] = (times[i] - base) << TAG_BITS | tagOf[i];
        Arrays.sort(packed);
        times = null;
        tagOf = null;
    }

    /** The next instant to visit, with everything planned for it put into {@code what}; Long.MIN_VALUE when done. */
    long next(Set<String> what) {
        if (packed == null) freeze();
        what.clear();
        long fromPlan = cursor < packed.length ? (packed[cursor] >>> TAG_BITS) + base : Long.MAX_VALUE;
        long fromLater = later.isEmpty() ? Long.MAX_VALUE : later.peek()[0];
        long t = Math.min(fromPlan, fromLater);
        if (t == Long.MAX_VALUE) return Long.MIN_VALUE;
        while (cursor < packed.length && (packed[cursor] >>> TAG_BITS) + base == t) {
            what.add(tags.get((int) (packed[cursor++] & ((1 << TAG_BITS) - 1))));
        }
        while (!later.isEmpty() && later.peek()[0] == t) what.add(tags.get((int) later.poll()[1]));
        return t;
    }

    static Set<String> newTagSet() {
        return new LinkedHashSet<>();
    }
}
