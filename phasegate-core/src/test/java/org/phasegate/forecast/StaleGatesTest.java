package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;

/**
 * A run re-evaluates only the gates {@link StaleGates} marks when an input changes. So whenever a change to one input
 * changes a gate's value (evaluated whole, {@link Program#gate}), that gate must be among those marked for the input:
 * random conditions (seeded) over the Gaza model's obligations, gates and parties, random states, random changes.
 */
class StaleGatesTest {
    static final Model GAZA = new Model(Sets.gaza(), StartingState.empty(Sets.gaza(), Instant.parse("2026-01-01T00:00:00Z")),
            Sets.bundled(Sets.gaza(), "leverage"), "phase-2");
    static final double[] LEVELS = {0, 1e-6, 0.2, 0.33, 0.5, 0.9, 1};
    /** The conditions read the first few obligations only, so that random changes often hit what they read. */
    static final int OBLIGATIONS = 8;

    static LongStream seeds() {
        return Gen.seeds(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyGateWhoseValueAChangeFlipsIsMarkedForThatChange(long seed) {
        var random = new SplittableRandom(seed);
        var conditions = new Expr[GAZA.gates()];
        for (int g = 0; g < conditions.length; g++) conditions[g] = expr(random, 3);
        var program = new Program(conditions);
        int[] order = GAZA.gateOrder;   // the gates by rank; rank r is gate order[r]
        var inputs = StaleGates.Inputs.of(conditions, order, GAZA.obligations(), GAZA.partyIds.length);
        var s = new RunState(GAZA);
        for (int o = 0; o < GAZA.obligations(); o++) obligation(random, s, o);
        for (int g = 0; g < GAZA.gates(); g++) gate(random, s, g);
        for (int p = 0; p < GAZA.partyIds.length; p++) s.lastViolation[p] = violation(random);
        s.now = random.nextDouble(0, 150);
        for (int change = 0; change < 300; change++) {
            boolean[] before = values(program, s);
            var stale = new StaleGates(inputs);
            int kind = random.nextInt(4);
            switch (kind) {
                case 0 -> {
                    int o = random.nextInt(OBLIGATIONS);
                    obligation(random, s, o);
                    stale.obligation(o);
                }
                case 1 -> {
                    int g = random.nextInt(GAZA.gates());
                    gate(random, s, g);
                    stale.gate(g);
                }
                case 2 -> {
                    int p = random.nextInt(GAZA.partyIds.length);
                    s.lastViolation[p] = violation(random);
                    stale.party(p);
                }
                default -> {
                    s.now = random.nextDouble(0, 150);
                    stale.clock();
                }
            }
            boolean[] after = values(program, s);
            boolean[] marked = new boolean[after.length];
            for (int rank = stale.next(0); rank >= 0; rank = stale.next(rank + 1)) marked[order[rank]] = true;
            for (int g = 0; g < after.length; g++) {
                if (after[g] == before[g] || (kind == 3 && readsQuiet(conditions[g]))) continue;   // quiet: its end is the party's input
                assertThat(marked[g]).as("seed %d, change %d (kind %d): gate %d flipped, %s", seed, change, kind, g, conditions[g]).isTrue();
            }
        }
    }

    private static boolean[] values(Program program, RunState s) {
        boolean[] v = new boolean[GAZA.gates()];
        for (int g = 0; g < v.length; g++) v[g] = program.gate(g, s);
        return v;
    }

    private static void obligation(SplittableRandom random, RunState s, int o) {
        s.progress[o] = LEVELS[random.nextInt(LEVELS.length)];
        s.completedDay[o] = s.progress[o] >= 1 ? random.nextDouble(0, 100) : Double.NaN;
    }

    private static void gate(SplittableRandom random, RunState s, int g) {
        s.gateOpen[g] = random.nextBoolean();
        s.gateOpenedDay[g] = s.gateOpen[g] || random.nextBoolean() ? random.nextDouble(0, 100) : Double.NaN;
    }

    private static double violation(SplittableRandom random) {
        return random.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : random.nextDouble(0, 100);
    }

    private static Expr expr(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 6);
        return switch (kind) {
            case 0 -> new Expr.Const(random.nextBoolean());
            case 1 -> new Expr.GateOpen(random.nextInt(GAZA.gates()));
            case 2 -> new Expr.Progress(random.nextInt(OBLIGATIONS), LEVELS[1 + random.nextInt(LEVELS.length - 1)]);
            case 3 -> new Expr.Quiet(random.nextInt(GAZA.partyIds.length), 10 * (1 + random.nextInt(6)));
            case 4, 5 -> new Expr.Time(moment(random), random.nextBoolean());
            case 6 -> new Expr.All(parts(random, depth));
            case 7 -> new Expr.Any(parts(random, depth));
            case 8 -> new Expr.AtLeast(1 + random.nextInt(2), parts(random, depth));
            default -> new Expr.Not(expr(random, depth - 1));
        };
    }

    private static Expr.Moment moment(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> new Expr.Moment.Fixed(random.nextDouble(0, 150));
            case 1 -> new Expr.Moment.GateOpened(random.nextInt(GAZA.gates()), random.nextDouble(0, 40));
            default -> new Expr.Moment.Completed(random.nextInt(OBLIGATIONS), random.nextDouble(0, 40));
        };
    }

    private static Expr[] parts(SplittableRandom random, int depth) {
        var parts = new Expr[2 + random.nextInt(3)];
        Arrays.setAll(parts, i -> expr(random, depth - 1));
        return parts;
    }

    private static boolean readsQuiet(Expr e) {
        return switch (e) {
            case Expr.All a -> Arrays.stream(a.parts()).anyMatch(StaleGatesTest::readsQuiet);
            case Expr.Any a -> Arrays.stream(a.parts()).anyMatch(StaleGatesTest::readsQuiet);
            case Expr.AtLeast a -> Arrays.stream(a.parts()).anyMatch(StaleGatesTest::readsQuiet);
            case Expr.Not n -> readsQuiet(n.part());
            case Expr.Quiet q -> true;
            default -> false;
        };
    }
}
