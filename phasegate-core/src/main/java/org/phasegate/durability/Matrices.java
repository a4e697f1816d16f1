package org.phasegate.durability;

/** The little linear algebra the fit needs: small dense symmetric systems (a dozen parameters), Gauss–Jordan. */
final class Matrices {
    private Matrices() {
    }

    /** The inverse of {@code a}; throws ArithmeticException when it is singular to working precision. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
            for (double v : a[i]) scale = Math.max(scale, Math.abs(v));
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            if (Math.abs(m[pivot][c]) <= 1e-12 * Math.max(scale, 1e-300)) throw new ArithmeticException("singular matrix");
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double p = m[c][c];
            for (int k = 0; k < 2 * n; k++) m[c][k] /= p;
            for (int r = 0; r < n; r++) {
                if (r == c || m[r][c] == 0) continue;
                double f = m[r][c];
                for (int k = 0; k < 2 * n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(m[i], n, inv[i], 0, n);
        return inv;
    }

    static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < x.length; j++) y[i] += a[i][j] * x[j];
        return y;
    }
}
