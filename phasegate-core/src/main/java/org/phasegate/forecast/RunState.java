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

    @Override
    public String toString() {
        return "RunState[now=" + now + ", progress=" + Arrays.toString(progress) + "]";
    }
}
