package org.phasegate.bargain;

/**
 * Builds the bargain point of a challenge dimension by dimension: a weighted
 * average of the two actors' positions, weighted by salience and estimated
 * probability of prevailing ({@link ModelParameters.InterVecBrgn}).
 */
final class Interpolation {
    // a tiny extra weight on the initiator's own position avoids 0/0 when neither side cares
    private static final double MIN_WEIGHT = 1e-6;
    private static final double ROUNDING = 10000.0;

    private Interpolation() {
    }

    static Bargain between(Model m, int i, int j, double[] posI, double[] posJ, double prbI, double prbJ) {
        int d = posI.length;
        double[] bi = new double[d];
        double[] bj = new double[d];
        ModelParameters.InterVecBrgn ivb = m.parameters.interVecBrgn();
        for (int k = 0; k < d; k++) {
            double sik = m.salience[i][k];
            double sjk = m.salience[j][k];
            switch (ivb) {
                case S1P1 -> weighted(posI[k], sik * prbI, posJ[k], sjk * prbJ, bi, bj, k);
                case S2P2 -> weighted(posI[k], (sik * sik) * (prbI * prbI), posJ[k], (sjk * sjk) * (prbJ * prbJ), bi, bj, k);
                case S2P_MAX -> towardStronger(posI[k], sik, prbI, posJ[k], sjk, prbJ, bi, bj, k);
            }
        }
        return new Bargain(i, j, bi, bj);
    }

    private static void weighted(double ti, double wi, double tj, double wj, double[] bi, double[] bj, int k) {
        // rounding to 4 decimals avoids spurious asymmetry and spurious precision
        bi[k] = round4(((wi + MIN_WEIGHT) * ti + wj * tj) / (wi + MIN_WEIGHT + wj));
        bj[k] = round4((wi * ti + (MIN_WEIGHT + wj) * tj) / (wi + MIN_WEIGHT + wj));
    }

    private static void towardStronger(double ti, double si, double prbI, double tj, double sj, double prbJ,
                                       double[] bi, double[] bj, int k) {
        double di = prbJ > prbI ? prbJ - prbI : 0;
        double dj = prbI > prbJ ? prbI - prbJ : 0;
        double si2 = si * si;
        double sj2 = sj * sj;
        double dik = (di * sj2) / ((di * sj2) + MIN_WEIGHT + ((1 - di) * si2));
        double djk = (dj * si2) / ((dj * si2) + MIN_WEIGHT + ((1 - dj) * sj2));
        bi[k] = ti + dik * (tj - ti);
        bj[k] = tj + djk * (ti - tj);
    }

    private static double round4(double x) {
        return ((int) (0.5 + (x * ROUNDING))) / ROUNDING;
    }
}
