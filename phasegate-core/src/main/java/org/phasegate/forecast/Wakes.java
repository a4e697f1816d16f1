package org.phasegate.forecast;

import java.util.Arrays;

/** A run's pending moments (a relative date arriving, a quiet period running out) as a binary min-heap of days. */
final class Wakes {
    private double[] heap = new double[16];
    private int size;

    void clear() {
        size = 0;
    }

    void add(double day) {
        if (Double.isNaN(day)) return;
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        int i = size++;
        while (i > 0 && heap[(i - 1) / 2] > day) {
            heap[i] = heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heap[i] = day;
    }

    /** The earliest pending moment, or +infinity when none. */
    double next() {
        return size == 0 ? Double.POSITIVE_INFINITY : heap[0];
    }

    /** Removes every moment at or before {@code day}; true if there was any. */
    boolean popUpTo(double day) {
        boolean any = false;
        while (size > 0 && heap[0] <= day) {
            any = true;
            double last = heap[--size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) break;
                if (c + 1 < size && heap[c + 1] < heap[c]) c++;
                if (heap[c] >= last) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = last;
        }
        return any;
    }
}
