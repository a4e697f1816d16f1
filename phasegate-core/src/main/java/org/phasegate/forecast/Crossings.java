package org.phasegate.forecast;

import java.util.Arrays;

/**
 * The working obligations of one run, ordered by the day each reaches its next level: an indexed binary min-heap, so
 * the earliest crossing is read at once and an obligation can start, stop or move without a scan of the others.
 */
final class Crossings {
    private final int[] heap;
    /** Per obligation: where it sits in {@link #heap}, or -1 while it does not work. */
    private final int[] position;
    private final double[] day;
    private int size;

    Crossings(int obligations) {
        heap = new int[obligations];
        position = new int[obligations];
        day = new double[obligations];
        Arrays.fill(position, -1);
    }

    void clear() {
        for (int i = 0; i < size; i++) position[heap[i]] = -1;
        size = 0;
    }

    int size() {
        return size;
    }

    /** The i-th working obligation, in no particular order. */
    int get(int i) {
        return heap[i];
    }

    boolean contains(int o) {
        return position[o] >= 0;
    }

    /** The earliest crossing day; +infinity when nothing works. */
    double earliest() {
        return size == 0 ? Double.POSITIVE_INFINITY : day[heap[0]];
    }

    /** The obligation that crosses first. */
    int first() {
        return heap[0];
    }

    /** Adds o, or moves it if it is already there, to cross on {@code at}. */
    void put(int o, double at) {
        day[o] = at;
        if (position[o] < 0) {
            position[o] = size;
            heap[size++] = o;
        }
        up(position[o]);
        down(position[o]);
    }

    void remove(int o) {
        int i = position[o];
        position[o] = -1;
        int last = heap[--size];
        if (i == size) return;
        heap[i] = last;
        position[last] = i;
        up(i);
        down(position[last]);
    }

    private void up(int i) {
        int o = heap[i];
        while (i > 0 && day[heap[(i - 1) / 2]] > day[o]) {
            move(heap[(i - 1) / 2], i);
            i = (i - 1) / 2;
        }
        move(o, i);
    }

    private void down(int i) {
        int o = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && day[heap[c + 1]] < day[heap[c]]) c++;
            if (day[heap[c]] >= day[o]) break;
            move(heap[c], i);
            i = c;
        }
        move(o, i);
    }

    private void move(int o, int i) {
        heap[i] = o;
        position[o] = i;
    }
}
