//! L2-regularized logistic regression by Newton's method (iteratively reweighted
//! least squares) on standardized features. Small and exact: a few thousand
//! rows and a few dozen features converge in about ten steps, and the same rows
//! always give the same weights.

/// A fitted model on standardized features.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Mean of each feature.
    pub mean: Vec<f64>,
    /// Scale (standard deviation, 1 for a constant feature) of each feature.
    pub scale: Vec<f64>,
    /// Weights on the standardized features.
    pub weights: Vec<f64>,
    /// Intercept.
    pub bias: f64,
}

impl Fit {
    /// The probability of a row.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn probability(&self, x: &[f32]) -> f64 {
        let z = self.bias
            + x.iter()
                .zip(&self.mean)
                .zip(&self.scale)
                .zip(&self.weights)
                .map(|(((&x, m), s), w)| w * (f64::from(x) - m) / s)
                .sum::<f64>();
        claimdiff::compare::model::sigmoid(z)
    }
}

/// Fits weights to rows (features, label); `lambda` is the L2 penalty on the
/// weights (not on the intercept). `not_negative` lists features whose weight may not
/// be negative and `not_positive` those whose weight may not be positive
/// (clamped to 0 at each step).
pub fn fit(
    rows: &[(&[f32], bool)],
    lambda: f64,
    not_negative: &[usize],
    not_positive: &[usize],
) -> Fit {
    let d = rows.first().map_or(0, |r| r.0.len());
    let n = rows.len().max(1) as f64;
    let mut mean = vec![0.0; d];
    for (x, _) in rows {
        for (m, &v) in mean.iter_mut().zip(x.iter()) {
            *m += f64::from(v) / n;
        }
    }
    let mut scale = vec![0.0; d];
    for (x, _) in rows {
        for ((s, &v), m) in scale.iter_mut().zip(x.iter()).zip(&mean) {
            *s += (f64::from(v) - m).powi(2) / n;
        }
    }
    for s in &mut scale {
        *s = if *s > 1e-12 { s.sqrt() } else { 1.0 };
    }
    let z: Vec<Vec<f64>> = rows
        .iter()
        .map(|(x, _)| {
            let mut r = Vec::with_capacity(d + 1);
            r.push(1.0);
            r.extend(
                x.iter()
                    .zip(&mean)
                    .zip(&scale)
                    .map(|((&v, m), s)| (f64::from(v) - m) / s),
            );
            r
        })
        .collect();
    let y: Vec<f64> = rows.iter().map(|r| if r.1 { 1.0 } else { 0.0 }).collect();
    let k = d + 1;
    let mut beta = vec![0.0; k];
    let positives = y.iter().sum::<f64>();
    if positives > 0.0 && positives < n {
        beta[0] = (positives / (n - positives)).ln();
    }
    for _ in 0..50 {
        let mut grad = vec![0.0; k];
        let mut hess = vec![vec![0.0; k]; k];
        for (row, &t) in z.iter().zip(&y) {
            let p = claimdiff::compare::model::sigmoid(dot(row, &beta));
            let w = (p * (1.0 - p)).max(1e-9);
            for i in 0..k {
                grad[i] += (p - t) * row[i];
                for j in 0..=i {
                    hess[i][j] += w * row[i] * row[j];
                }
            }
        }
        for i in 0..k {
            let lower: Vec<f64> = hess[i][..i].to_vec();
            for (upper, v) in hess.iter_mut().zip(lower) {
                upper[i] = v;
            }
            if i > 0 {
                grad[i] += lambda * beta[i];
                hess[i][i] += lambda;
            }
        }
        let Some(step) = solve(hess, grad) else {
            break;
        };
        // Damped Newton: halve the step until the penalized loss does not grow.
        let before = loss(&z, &y, &beta, lambda);
        let mut t = 1.0;
        let mut next = beta.clone();
        for _ in 0..30 {
            next = beta.iter().zip(&step).map(|(b, s)| b - t * s).collect();
            for &f in not_negative {
                if let Some(b) = next.get_mut(f + 1) {
                    *b = b.max(0.0);
                }
            }
            for &f in not_positive {
                if let Some(b) = next.get_mut(f + 1) {
                    *b = b.min(0.0);
                }
            }
            if loss(&z, &y, &next, lambda) <= before + 1e-12 {
                break;
            }
            t /= 2.0;
        }
        let change = next
            .iter()
            .zip(&beta)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        beta = next;
        if change < 1e-8 {
            break;
        }
    }
    Fit {
        mean,
        scale,
        bias: beta[0],
        weights: beta[1..].to_vec(),
    }
}

/// The penalized negative log-likelihood.
fn loss(z: &[Vec<f64>], y: &[f64], beta: &[f64], lambda: f64) -> f64 {
    let data: f64 = z
        .iter()
        .zip(y)
        .map(|(row, &t)| {
            let s = dot(row, beta);
            // log(1 + e^s) - t s, computed stably.
            let softplus = if s > 0.0 {
                s + (-s).exp().ln_1p()
            } else {
                s.exp().ln_1p()
            };
            softplus - t * s
        })
        .sum();
    data + 0.5 * lambda * beta[1..].iter().map(|b| b * b).sum::<f64>()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; `None` when
/// `a` is singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let f = a[row][col] / a[col][col];
            if f == 0.0 {
                continue;
            }
            let pivot_row = a[col].clone();
            for (x, p) in a[row][col..n].iter_mut().zip(&pivot_row[col..n]) {
                *x -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|c| a[row][c] * x[c]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
        assert!(solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]).is_none());
    }

    #[test]
    fn learns_which_feature_separates_the_labels() {
        // Feature 0 decides the label (with some noise), feature 1 is noise.
        let data: Vec<([f32; 2], bool)> = (0..200)
            .map(|i| {
                let signal = (i % 2) as f32;
                let noise = ((i * 7919) % 13) as f32 / 13.0;
                let label = if i % 17 == 0 {
                    signal < 0.5
                } else {
                    signal > 0.5
                };
                ([signal, noise], label)
            })
            .collect();
        let rows: Vec<(&[f32], bool)> = data.iter().map(|(x, y)| (&x[..], *y)).collect();
        let f = fit(&rows, 1.0, &[], &[]);
        assert!(f.weights[0] > 1.0, "{:?}", f.weights);
        assert!(f.weights[1].abs() < 0.5, "{:?}", f.weights);
        assert!(f.probability(&[1.0, 0.5]) > 0.8);
        assert!(f.probability(&[0.0, 0.5]) < 0.2);
        // Feature 0 pushed the other way cannot take a negative weight.
        let flipped: Vec<(&[f32], bool)> = rows.iter().map(|(x, y)| (*x, !*y)).collect();
        let clamped = fit(&flipped, 1.0, &[0], &[]);
        assert!(fit(&rows, 1.0, &[], &[0]).weights[0].abs() < 1e-6);
        assert!(clamped.weights[0] >= 0.0 && clamped.weights[0] < 1e-6);
    }
}
