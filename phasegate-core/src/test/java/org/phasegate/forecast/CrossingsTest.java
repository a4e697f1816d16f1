package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;

/** Random starts, moves and stops (seeded): the heap always names an obligation with the earliest day among those working. */
class CrossingsTest {
    static LongStream seeds() {
        return Gen.seeds(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theFirstIsAlwaysAnEarliestOfThoseWorking(long seed) {
        var random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(70);
        var heap = new Crossings(n);
        Map<Integer, Double> working = new HashMap<>();
        for (int step = 0; step < 2000; step++) {
            int o = random.nextInt(n);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (heap.contains(o)) heap.remove(o);
                    working.remove(o);
                }
                case 1 -> {
                    heap.clear();
                    working.clear();
                }
                default -> {
                    double day = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextDouble(0, 1000);   // ties too
                    heap.put(o, day);
                    working.put(o, day);
                }
            }
            String why = "seed " + seed + ", step " + step;
            assertThat(heap.size()).as(why).isEqualTo(working.size());
            for (int i = 0; i < n; i++) assertThat(heap.contains(i)).as(why).isEqualTo(working.containsKey(i));
            double min = working.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
            assertThat(heap.earliest()).as(why).isEqualTo(min);
            if (!working.isEmpty()) assertThat(working.get(heap.first())).as(why).isEqualTo(min);
        }
    }
}
