package org.phasegate.cli;

import java.util.function.Function;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Long work with a progress bar on stderr (none when {@code quiet}); the work reports how much it has done. */
final class ProgressBars {
    private ProgressBars() {
    }

    static <T> T run(boolean quiet, String task, long total, Function<LongConsumer, T> work) {
        if (quiet) return work.apply(n -> { });
        var builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err, 80));   // a fixed width: no terminal probe
        try (ProgressBar bar = builder.build()) {
            return work.apply(bar::stepTo);
        }
    }
}
