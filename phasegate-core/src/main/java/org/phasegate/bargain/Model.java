package org.phasegate.bargain;

import java.util.List;

/** An issue turned into the arrays the engine works on (0–1 scale, as KTAB stores them). */
final class Model {
    final int actors;
    final int dims;
    final double[] capability;
    final double[][] salience;
    final double[] salienceSum;
    final double[][] accommodation;
    final boolean identityAccommodation;
    final ModelParameters parameters;

    Model(Issue issue) {
        List<Actor> as = issue.actors();
        actors = as.size();
        dims = issue.dimensions().size();
        capability = new double[actors];
        salience = new double[actors][dims];
        salienceSum = new double[actors];
        for (int i = 0; i < actors; i++) {
            Actor a = as.get(i);
            capability[i] = a.capability();
            double sum = 0;
            for (int k = 0; k < dims; k++) {
                salience[i][k] = a.salience().get(k) / 100.0;
                sum += salience[i][k];
            }
            salienceSum[i] = sum;
        }
        accommodation = issue.accommodation();
        identityAccommodation = isIdentity(accommodation);
        parameters = issue.parameters();
    }

    double[][] initialPositions(Issue issue) {
        double[][] p = new double[actors][dims];
        for (int i = 0; i < actors; i++) {
            for (int k = 0; k < dims; k++) {
                p[i][k] = issue.actors().get(i).position().get(k) / 100.0;
            }
        }
        return p;
    }

    private static boolean isIdentity(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (a[i][j] != (i == j ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
