//! The fact model: how likely two figures of different sources state the same
//! fact, from the features of their frames ([`super::features`]).
//!
//! It is a logistic regression whose weights and thresholds are data, not code:
//! they are fitted on hand-read real news (the development set) by
//! `cargo run --release --example fit_facts -- DEVSET`, which writes
//! `src/compare/fact_model.json`; that file is embedded in the binary. The
//! thresholds were chosen by cross-validation by cluster (see docs/facts.md):
//!
//! - `pair`: a mutual best match whose values agree joins a fact from this
//!   probability on;
//! - `discrepancy`: two figures whose values conflict are reported as a
//!   discrepancy only from this probability on (strong same-fact evidence);
//! - `review`: from this probability up to `discrepancy`, the conflict goes to
//!   the separate "to review" list instead.

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::features::NAMES;

/// The fitted model as written by the fitting program.
const EMBEDDED: &str = include_str!("fact_model.json");

/// Weights and thresholds of the same-fact probability.
///
/// Two regressions share the features: one for pairs whose values agree (equal,
/// or consistent once hedges, rounding and publication dates are read), one for
/// pairs whose values conflict. They answer the same question on different
/// evidence: whether the values agree is itself the strongest sign of one fact,
/// and a conflict must be shown to be about one fact by everything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactModel {
    /// Names of the features, in the order of the weights; they must be the
    /// features this build computes ([`super::features::NAMES`]).
    pub features: Vec<String>,
    /// The regression for pairs whose values agree.
    pub agreeing: Regression,
    /// The regression for pairs whose values conflict.
    pub conflicting: Regression,
    /// Thresholds on the probability.
    pub thresholds: Thresholds,
    /// How the model was made (the command and the data), for the reader.
    pub provenance: String,
}

/// A logistic regression on standardized features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regression {
    /// Mean of each feature on the training pairs (features are centred and
    /// scaled before the weights apply).
    pub mean: Vec<f64>,
    /// Scale of each feature on the training pairs.
    pub scale: Vec<f64>,
    /// One weight per feature, on the standardized feature.
    pub weights: Vec<f64>,
    /// The intercept.
    pub bias: f64,
}

impl Regression {
    /// The log-odds of a feature vector.
    pub fn logit(&self, x: &[f32]) -> f64 {
        self.bias + self.contributions(x).sum::<f64>()
    }

    /// Each feature's share of the log-odds, in the order of [`NAMES`].
    pub fn contributions<'a>(&'a self, x: &'a [f32]) -> impl Iterator<Item = f64> + 'a {
        x.iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .zip(&self.weights)
            .map(|(((&x, m), s), w)| w * (f64::from(x) - m) / s)
    }

    fn check(&self, n: usize) -> Result<(), String> {
        if self.mean.len() != n || self.scale.len() != n || self.weights.len() != n {
            return Err(format!(
                "the model needs {n} means, scales and weights, one per feature"
            ));
        }
        let finite = |x: &f64| x.is_finite();
        if !(self.mean.iter().all(finite)
            && self.scale.iter().all(|s| s.is_finite() && *s > 0.0)
            && self.weights.iter().all(finite)
            && self.bias.is_finite())
        {
            return Err("the model holds a weight that is not a finite number".into());
        }
        Ok(())
    }
}

/// Probability thresholds of the fact model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// A mutual best match whose values agree joins a fact from here on.
    pub pair: f64,
    /// A conflict is a candidate "to review" from here on.
    pub review: f64,
    /// A conflict is a discrepancy from here on.
    pub discrepancy: f64,
}

impl FactModel {
    /// The fitted model embedded in this build.
    pub fn fitted() -> Arc<FactModel> {
        static MODEL: OnceLock<Arc<FactModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Arc::new(
                    FactModel::from_json(EMBEDDED)
                        .expect("the embedded fact model matches this build (tested)"),
                )
            })
            .clone()
    }

    /// A model with no evidence: every pair gets probability one half. The
    /// fitting program starts from it, so that it runs whatever model the build
    /// embeds.
    pub fn neutral() -> FactModel {
        let n = NAMES.len();
        let regression = || Regression {
            mean: vec![0.0; n],
            scale: vec![1.0; n],
            weights: vec![0.0; n],
            bias: 0.0,
        };
        FactModel {
            features: NAMES.iter().map(|s| s.to_string()).collect(),
            agreeing: regression(),
            conflicting: regression(),
            thresholds: Thresholds {
                pair: 0.5,
                review: 0.5,
                discrepancy: 0.5,
            },
            provenance: String::from("neutral"),
        }
    }

    /// Reads a model written by the fitting program; says what is wrong when it
    /// does not fit this build's features.
    pub fn from_json(text: &str) -> Result<FactModel, String> {
        let m: FactModel = serde_json::from_str(text).map_err(|e| e.to_string())?;
        m.check()?;
        Ok(m)
    }

    /// A model with these regressions, for the fitting program.
    pub fn new(
        agreeing: Regression,
        conflicting: Regression,
        thresholds: Thresholds,
        provenance: String,
    ) -> Result<FactModel, String> {
        let m = FactModel {
            features: NAMES.iter().map(|s| s.to_string()).collect(),
            agreeing,
            conflicting,
            thresholds,
            provenance,
        };
        m.check()?;
        Ok(m)
    }

    fn check(&self) -> Result<(), String> {
        if self.features.len() != NAMES.len()
            || self.features.iter().zip(NAMES).any(|(a, b)| a != b)
        {
            return Err(format!(
                "the model's features ({}) are not this build's ({})",
                self.features.join(", "),
                NAMES.join(", ")
            ));
        }
        self.agreeing.check(NAMES.len())?;
        self.conflicting.check(NAMES.len())?;
        let t = self.thresholds;
        if !(0.0..=1.0).contains(&t.pair)
            || !(0.0..=1.0).contains(&t.review)
            || !(t.review..=1.0).contains(&t.discrepancy)
        {
            return Err("thresholds must lie in 0..1 with review <= discrepancy".into());
        }
        Ok(())
    }

    /// The regression for a pair whose values agree or conflict.
    pub fn regression(&self, values_conflict: bool) -> &Regression {
        if values_conflict {
            &self.conflicting
        } else {
            &self.agreeing
        }
    }

    /// The probability that two figures state one fact.
    pub fn probability(&self, x: &[f32], values_conflict: bool) -> f32 {
        sigmoid(self.regression(values_conflict).logit(x)) as f32
    }
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_fits_this_build() {
        let m = FactModel::fitted();
        assert_eq!(m.features.len(), NAMES.len());
        let t = m.thresholds;
        assert!(t.review <= t.discrepancy);
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        let mut m = (*FactModel::fitted()).clone();
        m.features[0] = "something else".into();
        let text = serde_json::to_string(&m).unwrap();
        let err = FactModel::from_json(&text).unwrap_err();
        assert!(err.contains("not this build's"), "{err}");
        assert!(FactModel::from_json("{").is_err());
    }

    #[test]
    fn probability_follows_the_weights() {
        let n = NAMES.len();
        let t = Thresholds {
            pair: 0.5,
            review: 0.5,
            discrepancy: 0.9,
        };
        let regression = |w0: f64, bias: f64| {
            let mut weights = vec![0.0; n];
            weights[0] = w0;
            Regression {
                mean: vec![0.0; n],
                scale: vec![1.0; n],
                weights,
                bias,
            }
        };
        let m = FactModel::new(
            regression(2.0, -1.0),
            regression(1.0, -3.0),
            t,
            String::new(),
        )
        .unwrap();
        let mut x = vec![0.0f32; n];
        assert!((m.probability(&x, false) - sigmoid(-1.0) as f32).abs() < 1e-6);
        x[0] = 1.0;
        assert!((m.probability(&x, false) - sigmoid(1.0) as f32).abs() < 1e-6);
        assert!((m.probability(&x, true) - sigmoid(-2.0) as f32).abs() < 1e-6);
        assert!(sigmoid(-800.0) >= 0.0 && sigmoid(800.0) <= 1.0);
    }
}
