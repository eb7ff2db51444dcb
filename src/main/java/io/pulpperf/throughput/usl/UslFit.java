package io.pulpperf.throughput.usl;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Non-linear least squares fit of {@link UslModel} to measured (workers, rate) observations with
 * commons-math3's Levenberg-Marquardt, as R's {@code usl} package does with {@code nls}.
 *
 * <p>sigma and kappa are kept at or above 0 by clamping (a parameter validator projects every
 * trial point back onto sigma, kappa >= 0), not by a transform such as sigma = s^2: the
 * parameters stay in their own units, so the Jacobian at the optimum gives their standard errors
 * directly, and a coefficient can sit exactly at 0 (linear scaling has kappa = 0), where the
 * transform's Jacobian column vanishes and its standard error would be undefined.
 */
public final class UslFit {
    private static final double[] SIGMA_STARTS = {0.0, 0.1, 0.5};
    private static final double[] KAPPA_STARTS = {0.0, 1e-3, 3e-2};
    private static final int MAX_EVALUATIONS = 2_000;

    private UslFit() {}

    /** One measured rate at a worker count (a repetition is one more observation). */
    public record Observation(int workers, double rate) {}

    /**
     * The fitted model and how well it describes the observations.
     *
     * @param model        the coefficients at the optimum
     * @param lambdaError  standard error of lambda (null with 3 observations or fewer, or a singular Jacobian)
     * @param sigmaError   likewise for sigma; at a bound (0) it is the local figure of the unconstrained problem
     * @param kappaError   likewise for kappa
     * @param r2           1 - SSres / SStot over all observations; null when every rate is equal
     * @param observations how many rates were fitted
     */
    public record Result(UslModel model, Double lambdaError, Double sigmaError, Double kappaError, Double r2, int observations) {}

    /** Fits the model; needs at least 3 observations at 2 or more worker counts (the caller asks for 4 counts). */
    public static Result fit(List<Observation> observations) {
        if (observations.size() < 3 || observations.stream().mapToInt(Observation::workers).distinct().count() < 2) {
            throw new IllegalArgumentException("a USL fit needs 3 or more rates at 2 or more worker counts, got " + observations);
        }
        double[] n = observations.stream().mapToDouble(Observation::workers).toArray();
        double[] y = observations.stream().mapToDouble(Observation::rate).toArray();
        // lambda starts from the smallest count's rate as if it scaled linearly up to there.
        int smallest = observations.stream().mapToInt(Observation::workers).min().orElseThrow();
        double lambda0 = observations.stream().filter(o -> o.workers() == smallest).mapToDouble(Observation::rate)
                .average().orElseThrow() / smallest;
        LeastSquaresOptimizer.Optimum best = null;
        // Several starts: LM finds a local optimum, and the USL's surface has flat valleys (sigma and kappa trade off).
        for (double s0 : SIGMA_STARTS) {
            for (double k0 : KAPPA_STARTS) {
                try {
                    LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(problem(n, y, lambda0, s0, k0));
                    if (best == null || o.getCost() < best.getCost()) best = o;
                } catch (MathIllegalStateException e) {
                    // this start did not converge within its evaluations; the others may
                }
            }
        }
        if (best == null) throw new IllegalStateException("the USL fit converged from no starting point for " + observations);
        double[] p = best.getPoint().toArray();
        UslModel model = new UslModel(p[0], p[1], p[2]);
        return new Result(model, error(best, 0, n.length), error(best, 1, n.length), error(best, 2, n.length),
                r2(model, n, y), n.length);
    }

    private static LeastSquaresProblem problem(double[] n, double[] y, double lambda0, double sigma0, double kappa0) {
        MultivariateJacobianFunction model = point -> {
            double l = point.getEntry(0), s = point.getEntry(1), k = point.getEntry(2);
            RealVector value = new ArrayRealVector(n.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(n.length, 3);
            for (int i = 0; i < n.length; i++) {
                double d = 1 + s * (n[i] - 1) + k * n[i] * (n[i] - 1);
                value.setEntry(i, l * n[i] / d);
                jacobian.setEntry(i, 0, n[i] / d);
                jacobian.setEntry(i, 1, -l * n[i] * (n[i] - 1) / (d * d));
                jacobian.setEntry(i, 2, -l * n[i] * n[i] * (n[i] - 1) / (d * d));
            }
            return new Pair<>(value, jacobian);
        };
        return new LeastSquaresBuilder()
                .start(new double[] {lambda0, sigma0, kappa0})
                .model(model)
                .target(y)
                .parameterValidator(v -> {
                    RealVector c = v.copy();
                    c.setEntry(0, Math.max(c.getEntry(0), 1e-12));
                    c.setEntry(1, Math.max(c.getEntry(1), 0));
                    c.setEntry(2, Math.max(c.getEntry(2), 0));
                    return c;
                })
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build();
    }

    /** sqrt of the diagonal of s^2 (J^T J)^-1, s^2 = SSres / (n - 3): the usual asymptotic standard error. */
    private static Double error(LeastSquaresOptimizer.Optimum o, int parameter, int observations) {
        if (observations <= 3) return null;
        RealMatrix j = o.getJacobian();
        try {
            RealMatrix inverse = new LUDecomposition(j.transpose().multiply(j), 1e-300).getSolver().getInverse();
            double residualVariance = o.getCost() * o.getCost() / (observations - 3);
            double v = inverse.getEntry(parameter, parameter) * residualVariance;
            return v >= 0 && Double.isFinite(v) ? Math.sqrt(v) : null;
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    static Double r2(UslModel model, double[] n, double[] y) {
        double mean = 0;
        for (double v : y) mean += v / y.length;
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < n.length; i++) {
            ssRes += Math.pow(y[i] - model.rate(n[i]), 2);
            ssTot += Math.pow(y[i] - mean, 2);
        }
        return ssTot == 0 ? null : 1 - ssRes / ssTot;
    }

    /** Observations as a list, for callers that hold parallel arrays. */
    public static List<Observation> observations(int[] workers, double[] rates) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) out.add(new Observation(workers[i], rates[i]));
        return out;
    }
}
