package org.phasegate.forecast;

import java.util.Arrays;

/** The mutable state of one simulated run; it lives and dies inside that run. Days count from the forecast's start. */
final class RunState {
    final double[] progress;
    final double[] completedDay;
    final boolean[] gateOpen;
    final double[] gateOpenedDay;
    final double[] lastViolation;
    double now;

    RunState(Model m) {
        progress = m.startProgress.clone();
        completedDay = m.startCompleted.clone();
        gateOpen = m.startOpen.clone();
        gateOpenedDay = m.startOpened.clone();
        lastViolation = m.startLastViolation.clone();
    }

    void reset(Model m) {
        System.arraycopy(m.startProgress, 0, progress, 0, progress.length);
        System.arraycopy(m.startCompleted, 0, completedDay, 0, completedDay.length);
        System.arraycopy(m.startOpen, 0, gateOpen, 0, gateOpen.length);
        System.arraycopy(m.startOpened, 0, gateOpenedDay, 0, gateOpenedDay.length);
        System.arraycopy(m.startLastViolation, 0, lastViolation, 0, lastViolation.length);
        now = 0;
    }

    @Override
    public String toString() {
        return "RunState[now=" + now + ", progress=" + Arrays.toString(progress) + "]";
    }
}
