package org.phasegate.bargain;

import java.util.List;

/**
 * The bargains that an initiator's challenge puts on the table, by
 * {@link ModelParameters.BargainModel}: the initiator's interpolation only
 * (KTAB's default), both parties' interpolations, or their power-weighted compromise.
 */
final class Proposal {
    private Proposal() {
    }

    static List<Bargain> bargains(Assessment a, int i, int j, double piiJ) {
        Model m = a.model;
        double[] posI = a.positions[i];
        double[] posJ = a.positions[j];
        Bargain fromI = Interpolation.between(m, i, j, posI, posJ, piiJ, 1 - piiJ);
        ModelParameters.BargainModel bm = m.parameters.bargainModel();
        if (bm == ModelParameters.BargainModel.INIT_ONLY_INTERP) {
            return List.of(fromI);
        }
        // KTAB takes element 1 of j's estimate, the expected gain, where a probability is meant;
        // reproduced as is so that results match KTAB's
        double pjiJ = Challenge.evaluate(a, j, i, i, j)[1];
        Bargain fromJ = Interpolation.between(m, i, j, posI, posJ, pjiJ, 1 - pjiJ);
        if (bm == ModelParameters.BargainModel.INIT_RCVR_INTERP) {
            return List.of(fromI, fromJ);
        }
        return List.of(compromise(m, i, j, fromI, fromJ));
    }

    private static Bargain compromise(Model m, int i, int j, Bargain fromI, Bargain fromJ) {
        double wi = m.capability[i] * m.salienceSum[i];
        // KTAB weights j's view by the initiator's capability times j's salience; kept for conformance
        double wj = m.capability[i] * m.salienceSum[j];
        int d = m.dims;
        double[] bi = new double[d];
        double[] bj = new double[d];
        for (int k = 0; k < d; k++) {
            bi[k] = (wi * fromI.initPos()[k] + wj * fromJ.initPos()[k]) / (wi + wj);
            bj[k] = (wi * fromI.rcvrPos()[k] + wj * fromJ.rcvrPos()[k]) / (wi + wj);
        }
        return new Bargain(i, j, bi, bj);
    }
}
