//! Fits the fact model on a development set of real news clusters with answer
//! keys, and measures it by cross-validation by cluster.
//!
//! ```text
//! cargo run --release --example fit_facts -- DEVSET [--write FILE] [--verbose]
//! ```
//!
//! `DEVSET` holds `clusters/<id>/` (one folder of articles per cluster) and
//! `gold/<id>.yaml` (the answer keys, in the format of the development set's
//! README). The program:
//!
//! 1. runs claimdiff on every cluster and labels each candidate pair of figures
//!    that grouping scores: one fact when both overlap mentions of one gold
//!    fact. Two regressions are fitted: one on the pairs whose values agree,
//!    with every feature; one on all pairs without the value features (how
//!    alike the two frames are, whatever the values), which is the evidence
//!    that two conflicting values are about one fact;
//! 2. cross-validates by cluster (leave one cluster out): fits a logistic
//!    regression on the other clusters' pairs, chooses its thresholds by an inner
//!    cross-validation on those clusters only, runs the comparison on the held-out
//!    cluster with that model and scores its report against its answer key, as the
//!    development set's scorer does;
//! 3. fits the model on every cluster, chooses its thresholds the same way, and
//!    with `--write FILE` writes it (the embedded model is
//!    `src/compare/fact_model.json`).
//!
//! The figures it prints for step 2 are the ones to quote: no held-out cluster
//! took part in fitting the model or choosing the thresholds it was scored with.

mod fixtures;
mod gold;
mod logistic;
mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use rayon::prelude::*;

use claimdiff::analysis::{Analysis, Options};
use claimdiff::compare::model::Regression;
use claimdiff::compare::{self, AlignedPair, FactModel, Thresholds, Vocab, features};
use claimdiff::corpus::Corpus;
use claimdiff::report::ReportView;
use claimdiff::report::build::{ViewOptions, report_view_with};

use gold::{Gold, Spans};
use score::Score;

/// L2 penalty of the fit.
const LAMBDA: f64 = 1.0;
/// Inner folds for choosing thresholds.
const INNER_FOLDS: usize = 4;
/// Candidate `pair` thresholds.
const PAIR_GRID: &[f64] = &[0.3, 0.4, 0.5, 0.6, 0.7];
/// Precision the discrepancy threshold aims at.
const PRECISION_TARGET: f64 = 0.9;
/// Features whose weight may not be negative: an equal or consistent value is
/// evidence for one fact, and a different value never is (it is the absence of
/// these features). Sentences that are reuses of each other, the same counted
/// thing, predicate, person or surrounding words only ever count for one fact:
/// a fit that gives them a negative weight has learnt a collinearity of a few
/// clusters, not a rule that carries to the next corpus.
const NOT_NEGATIVE: &[&str] = &[
    "value_equal",
    "value_consistent",
    "context",
    "predicate_class",
    "predicate_word",
    "head_same",
    "head_related",
    "aligned",
    "same_person",
    "sentence_overlap",
    "neighbours_same",
    "dated_predicate",
    "actors_shared",
];
/// Features whose weight may not be positive: how far apart two values are,
/// a different scope, different names and another period only ever count
/// against their being one fact.
const NOT_POSITIVE: &[&str] = &[
    "value_gap",
    "scope_mismatch",
    "names_differ",
    "other_period",
];
/// Features that say how the two values relate: left out of the regression for
/// conflicting values, whose evidence must come from the frames alone.
const VALUE_FEATURES: &[&str] = &[
    "value_equal",
    "value_consistent",
    "value_repeated",
    "value_gap",
];

/// One cluster, analysed once.
struct Cluster<'a> {
    id: String,
    gold: Gold,
    spans: Spans,
    texts: BTreeMap<String, String>,
    analysis: Analysis<'a>,
    vocab: Vocab,
    aligned: Vec<AlignedPair>,
    /// Candidate pairs with features and labels: whether the pair is one fact
    /// of the answer key.
    rows: Vec<(features::Vector, bool)>,
    /// True for a fixture of our own: part of every fit, never scored.
    extra: bool,
    /// The figures of each row.
    pairs: Vec<(usize, usize)>,
}

impl Cluster<'_> {
    /// The source ids, by source index.
    fn source_ids(&self) -> Vec<&str> {
        self.analysis
            .corpus
            .sources
            .iter()
            .map(|s| s.id.as_str())
            .collect()
    }

    /// The report of this cluster with another fact model.
    fn report(&self, model: &Arc<FactModel>) -> ReportView {
        let a = &self.analysis;
        let opts = compare::CompareOptions {
            model: model.clone(),
            ..options().compare
        };
        let findings =
            compare::compare_with(&a.docs, &a.figures, &self.aligned, &opts, &self.vocab);
        report_view_with(a, &findings, ViewOptions::default())
    }

    fn score(&self, view: &ReportView) -> Score {
        score::score(&self.gold, &self.spans, &self.texts, view)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut devset: Option<PathBuf> = None;
    let mut write: Option<PathBuf> = None;
    let mut extra: Option<PathBuf> = None;
    let mut verbose = false;
    let mut dump = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--write" => write = it.next().map(PathBuf::from),
            "--fixtures" => extra = it.next().map(PathBuf::from),
            "--verbose" | "-v" => verbose = true,
            "--dump" => dump = true,
            "-h" | "--help" => {
                eprintln!("usage: fit_facts DEVSET [--fixtures DIR] [--write FILE] [--verbose]");
                return ExitCode::SUCCESS;
            }
            other => devset = Some(PathBuf::from(other)),
        }
    }
    let Some(devset) = devset else {
        eprintln!("usage: fit_facts DEVSET [--fixtures DIR] [--write FILE] [--verbose]");
        return ExitCode::from(2);
    };
    match run(&devset, extra.as_deref(), write.as_deref(), verbose, dump) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fit_facts: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(
    devset: &Path,
    extra: Option<&Path>,
    write: Option<&Path>,
    verbose: bool,
    dump: bool,
) -> Result<(), String> {
    let golds = gold::read_all(&devset.join("gold"))?;
    let mut corpora: Vec<(Gold, Corpus)> = golds
        .into_iter()
        .map(|(_, g)| {
            let dir = devset.join("clusters").join(&g.cluster);
            let corpus = Corpus::load(&[dir]);
            (g, corpus)
        })
        .collect();
    let scored = corpora.len();
    if let Some(dir) = extra {
        corpora.extend(fixtures::read_all(dir)?);
    }
    let mut clusters: Vec<Cluster<'_>> = corpora.iter().map(|(g, c)| cluster(g, c)).collect();
    for c in &mut clusters[scored..] {
        c.extra = true;
    }
    if clusters.len() > scored {
        println!(
            "{} fixture clusters of our own stories join every fit (never scored)",
            clusters.len() - scored
        );
    }
    let positives: usize = clusters
        .iter()
        .map(|c| c.rows.iter().filter(|r| r.1).count())
        .sum();
    let rows: usize = clusters.iter().map(|c| c.rows.len()).sum();
    println!(
        "{} clusters, {rows} candidate pairs, {positives} of them one fact by the answer keys",
        clusters.len()
    );
    report_candidate_recall(&clusters);

    let (eq, cons) = (
        features::index("value_equal").unwrap_or(0),
        features::index("value_consistent").unwrap_or(0),
    );
    let differing: Vec<&(features::Vector, bool)> = clusters
        .iter()
        .flat_map(|c| c.rows.iter())
        .filter(|(x, _)| x[eq] == 0.0 && x[cons] == 0.0)
        .collect();
    println!(
        "pairs whose values conflict: {}, {} of them one fact",
        differing.len(),
        differing.iter().filter(|r| r.1).count()
    );

    // Cross-validation by cluster: leave one out.
    let all: Vec<usize> = (0..scored).collect();
    let held: Vec<(usize, Arc<FactModel>, Score, ReportView)> = all
        .par_iter()
        .map(|&k| {
            let train: Vec<usize> = all.iter().copied().filter(|&i| i != k).collect();
            let model = fit_and_choose(&clusters, &train);
            let view = clusters[k].report(&model);
            let s = clusters[k].score(&view);
            (k, model, s, view)
        })
        .collect();
    let mut total = Score::default();
    let mut pair_probs: Vec<(f64, bool)> = Vec::new();
    println!("\ncross-validated by cluster (each scored with a model fitted without it):");
    for (k, model, s, view) in &held {
        total += *s;
        let c = &clusters[*k];
        for (x, y) in &c.rows {
            pair_probs.push((
                f64::from(model.probability(x, features::values_conflict(x))),
                *y,
            ));
        }
        let t = model.thresholds;
        println!(
            "  {:<48} thresholds pair {:.2} review {:.2} discrepancy {:.2} | {}",
            c.id,
            t.pair,
            t.review,
            t.discrepancy,
            short(s)
        );
        if verbose {
            print_errors(c, view);
        }
        if dump {
            dump_conflicting(c, model);
        }
    }
    println!("\nCV total: {}", total.line());
    let (loss, auc) = pair_quality(&pair_probs);
    println!("CV pair model: log loss {loss:.3}, ROC AUC {auc:.3}");

    let model = fit_and_choose(&clusters, &all);
    if std::env::var_os("FIT_CONFLICTS").is_some() {
        for c in &clusters {
            explain_conflicts(c, &model);
        }
    }
    let mut in_sample = Score::default();
    for c in &clusters[..scored] {
        in_sample += c.score(&c.report(&model));
    }
    println!(
        "\nfinal model (fitted on every cluster), scored on the same clusters (not a CV figure): {}",
        in_sample.line()
    );
    println!("thresholds: {:?}", model.thresholds);
    for (name, r) in [("agree", &model.agreeing), ("conflict", &model.conflicting)] {
        println!("weights of the regression for values that {name} (standardized features):");
        let mut w: Vec<(&str, f64)> = model
            .features
            .iter()
            .map(String::as_str)
            .zip(r.weights.iter().copied())
            .collect();
        w.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        for (name, weight) in w {
            println!("  {name:<22} {weight:+.3}");
        }
    }
    if let Some(path) = write {
        let mut text = serde_json::to_string_pretty(&*model).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn short(s: &Score) -> String {
    format!(
        "disc {} true {} | conflicts {}/{} | review {} true {} | agree {}/{}",
        s.reported,
        s.true_positives,
        s.conflicts_found,
        s.conflicts,
        s.review_reported,
        s.review_true,
        s.agree_found,
        s.agree
    )
}

/// The options of every run: the defaults, with the neutral fact model in
/// place of the embedded one (which may not fit features being changed).
fn options() -> Options {
    Options {
        exclude_same_outlet: false,
        compare: compare::CompareOptions::with_model(Arc::new(FactModel::neutral())),
    }
}

/// Analyses a cluster and labels its candidate pairs.
fn cluster<'a>(gold: &Gold, corpus: &'a Corpus) -> Cluster<'a> {
    let opts = options();
    let analysis = claimdiff::analyze(corpus, &opts);
    let vocab = compare::vocabulary(&analysis.docs, &opts.compare);
    let aligned = claimdiff::analysis::aligned_pairs(&analysis.alignment);
    let texts: BTreeMap<String, String> = corpus
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.text.clone()))
        .collect();
    let spans = gold::spans(gold, &texts);
    let facts_of = |i: usize| {
        let f = &analysis.figures[i];
        let id = &corpus.sources[f.source].id;
        gold::facts_at(&spans, id, f.start, f.end)
    };
    let candidates = compare::candidates(
        &analysis.docs,
        &analysis.figures,
        &aligned,
        &opts.compare,
        &vocab,
    );
    let pairs = candidates.iter().map(|c| (c.a, c.b)).collect();
    let rows = candidates
        .into_iter()
        .map(|c| {
            let (fa, fb) = (facts_of(c.a), facts_of(c.b));
            let same = fa.iter().any(|k| fb.contains(k));
            (c.features, same)
        })
        .collect();
    Cluster {
        extra: false,
        id: gold.cluster.clone(),
        gold: gold.clone(),
        spans,
        texts,
        analysis,
        vocab,
        aligned,
        rows,
        pairs,
    }
}

/// Prints the pairs whose values conflict, with their held-out probability:
/// those the answer keys call one fact and those the model rates highest.
fn dump_conflicting(c: &Cluster<'_>, model: &FactModel) {
    let figure = |i: usize| {
        let f = &c.analysis.figures[i];
        let doc = &c.analysis.docs[f.source];
        let s = &doc.sentences[f.sentence];
        let text = doc.text();
        format!(
            "{} [{}] in: {}",
            doc.source.id,
            text.get(f.start..f.end).unwrap_or("?"),
            text.get(s.start..s.end).unwrap_or("?").replace('\n', " ")
        )
    };
    for ((x, y), &(a, b)) in c.rows.iter().zip(&c.pairs) {
        if !features::values_conflict(x) {
            continue;
        }
        let p = model.probability(x, true);
        if *y || p >= 0.3 {
            let on: Vec<String> = features::NAMES
                .iter()
                .zip(x.iter())
                .filter(|(_, v)| **v != 0.0)
                .map(|(n, v)| format!("{n}={v:.2}"))
                .collect();
            println!(
                "    {} p={p:.2} {}\n       A {}\n       B {}\n       {}",
                if *y { "SAME " } else { "OTHER" },
                c.id,
                figure(a),
                figure(b),
                on.join(" ")
            );
        }
    }
}

/// For each gold conflict, every pair of figures of two files that overlap its
/// mentions: whether grouping scores it, and whether their values conflict.
fn explain_conflicts(c: &Cluster<'_>, model: &FactModel) {
    let figs = &c.analysis.figures;
    let ids = c.source_ids();
    for (k, fact) in c.gold.facts.iter().enumerate() {
        if fact.verdict != "conflict" {
            continue;
        }
        println!("  CONFLICT {} {}: {}", c.id, fact.id, fact.fact);
        let of: Vec<usize> = (0..figs.len())
            .filter(|&i| {
                let f = &figs[i];
                gold::facts_at(&c.spans, ids[f.source], f.start, f.end).contains(&k)
            })
            .collect();
        for m in &fact.mentions {
            let found = of.iter().any(|&i| ids[figs[i].source] == m.file);
            if !found {
                println!("    not extracted: {} '{}'", m.file, m.text);
            }
        }
        for (x, &i) in of.iter().enumerate() {
            for &j in &of[x + 1..] {
                if figs[i].source == figs[j].source {
                    continue;
                }
                let text = |i: usize| {
                    let f = &figs[i];
                    let t = c.analysis.docs[f.source].text();
                    format!(
                        "{} '{}' ({:?} {})",
                        ids[f.source],
                        t.get(f.start..f.end).unwrap_or("?"),
                        f.kind,
                        f.value
                    )
                };
                let row = c
                    .pairs
                    .iter()
                    .position(|&(a, b)| (a, b) == (i.min(j), i.max(j)));
                let what = match row {
                    None => "not a candidate".to_string(),
                    Some(r) => {
                        let x = &c.rows[r].0;
                        let conflict = features::values_conflict(x);
                        let on: Vec<String> = features::NAMES
                            .iter()
                            .zip(x.iter())
                            .filter(|(_, v)| **v != 0.0)
                            .map(|(n, v)| format!("{n}={v:.2}"))
                            .collect();
                        format!(
                            "candidate, values {}, p={:.2}\n        {}",
                            if conflict { "conflict" } else { "agree" },
                            model.probability(x, conflict),
                            on.join(" ")
                        )
                    }
                };
                println!("    {} / {}: {what}", text(i), text(j));
            }
        }
    }
}

/// How many pairs of gold mentions (of one fact, in two files) are among the
/// candidates at all: the ceiling of what the model can join.
fn report_candidate_recall(clusters: &[Cluster<'_>]) {
    let mut pairs = 0usize;
    let mut extracted = 0usize;
    for c in clusters {
        let figs = &c.analysis.figures;
        let ids = c.source_ids();
        for (k, fact) in c.gold.facts.iter().enumerate() {
            let files: Vec<&str> = {
                let mut f: Vec<&str> = fact.mentions.iter().map(|m| m.file.as_str()).collect();
                f.sort_unstable();
                f.dedup();
                f
            };
            for (i, x) in files.iter().enumerate() {
                for y in &files[i + 1..] {
                    pairs += 1;
                    let has = |file: &str| {
                        figs.iter().any(|f| {
                            ids[f.source] == file
                                && gold::facts_at(&c.spans, file, f.start, f.end).contains(&k)
                        })
                    };
                    if has(x) && has(y) {
                        extracted += 1;
                    }
                }
            }
        }
    }
    println!("gold file pairs of one fact: {pairs}; both sides extracted as figures: {extracted}");
}

/// Fits a model on the clusters `train` and chooses its thresholds by an inner
/// cross-validation on them.
fn fit_and_choose(clusters: &[Cluster<'_>], train: &[usize]) -> Arc<FactModel> {
    let thresholds = choose_thresholds(clusters, train);
    fit_on(clusters, train, thresholds)
}

fn fit_on(clusters: &[Cluster<'_>], train: &[usize], thresholds: Thresholds) -> Arc<FactModel> {
    let train: Vec<usize> = train
        .iter()
        .copied()
        .chain((0..clusters.len()).filter(|&k| clusters[k].extra))
        .collect();
    let indices = |names: &[&str]| -> Vec<usize> {
        names.iter().filter_map(|n| features::index(n)).collect()
    };
    let (not_negative, not_positive) = (indices(NOT_NEGATIVE), indices(NOT_POSITIVE));
    let value_features: Vec<usize> = VALUE_FEATURES
        .iter()
        .filter_map(|n| features::index(n))
        .collect();
    // Pairs whose values agree, every feature.
    let agreeing: Vec<(&[f32], bool)> = train
        .iter()
        .flat_map(|&k| clusters[k].rows.iter())
        .filter(|(x, _)| !features::values_conflict(x))
        .map(|(x, y)| (&x[..], *y))
        .collect();
    // All pairs, the value features blanked: the frames alone.
    let blind: Vec<(features::Vector, bool)> = train
        .iter()
        .flat_map(|&k| clusters[k].rows.iter())
        .map(|(x, y)| {
            let mut x = *x;
            for &i in &value_features {
                x[i] = 0.0;
            }
            (x, *y)
        })
        .collect();
    let conflicting: Vec<(&[f32], bool)> = blind.iter().map(|(x, y)| (&x[..], *y)).collect();
    let regression = |rows: &[(&[f32], bool)]| {
        let f = logistic::fit(rows, LAMBDA, &not_negative, &not_positive);
        Regression {
            mean: f.mean,
            scale: f.scale,
            weights: f.weights,
            bias: f.bias,
        }
    };
    let provenance = format!(
        "fitted by `cargo run --release --example fit_facts -- DEVSET --fixtures tests/fixtures/compare --write src/compare/fact_model.json` on {} development clusters and {} fixture stories: {} candidate pairs whose values agree (agreeing), {} pairs without value features (conflicting); L2 penalty {LAMBDA}; thresholds chosen by {INNER_FOLDS}-fold cross-validation by cluster",
        train.iter().filter(|&&k| !clusters[k].extra).count(),
        train.iter().filter(|&&k| clusters[k].extra).count(),
        agreeing.len(),
        conflicting.len()
    );
    Arc::new(
        FactModel::new(
            regression(&agreeing),
            regression(&conflicting),
            thresholds,
            provenance,
        )
        .expect("a fit gives one finite weight per feature"),
    )
}

/// One conflict-like finding of a sweep run: its confidence and what it is.
struct Candidate {
    confidence: f64,
    strong: bool,
    outcome: score::Outcome,
    conflicts: Vec<usize>,
}

/// Chooses thresholds on `train` by inner folds: each inner fold's clusters are
/// run with a model fitted on the other inner folds, with every conflict sent to
/// the "to review" list, so that every discrepancy threshold can be tried on the
/// same runs.
fn choose_thresholds(clusters: &[Cluster<'_>], train: &[usize]) -> Thresholds {
    let folds: Vec<Vec<usize>> = (0..INNER_FOLDS)
        .map(|f| {
            train
                .iter()
                .copied()
                .enumerate()
                .filter(|(i, _)| i % INNER_FOLDS == f)
                .map(|(_, k)| k)
                .collect()
        })
        .collect();
    // For each pair threshold: per cluster, (agreement score, conflict candidates,
    // attribution discrepancies (true, all), gold conflicts).
    type Runs = Vec<(Score, Vec<Candidate>, (usize, usize), usize, String)>;
    let mut by_pair: Vec<Runs> = PAIR_GRID.iter().map(|_| Vec::new()).collect();
    for fold in &folds {
        let rest: Vec<usize> = train
            .iter()
            .copied()
            .filter(|k| !fold.contains(k))
            .collect();
        for (gi, &pair) in PAIR_GRID.iter().enumerate() {
            let model = fit_on(
                clusters,
                &rest,
                Thresholds {
                    pair,
                    review: 0.02,
                    discrepancy: 1.0,
                },
            );
            for &k in fold {
                let c = &clusters[k];
                let view = c.report(&model);
                let s = c.score(&view);
                let candidates = view
                    .to_review
                    .iter()
                    .map(|f| {
                        let (outcome, facts) = score::outcome(&c.gold, &c.spans, f);
                        let conflicts = facts
                            .into_iter()
                            .filter(|&x| c.gold.facts[x].verdict == "conflict")
                            .collect();
                        Candidate {
                            confidence: f.confidence.unwrap_or(0.0),
                            strong: f.strong_evidence.unwrap_or(false),
                            outcome,
                            conflicts,
                        }
                    })
                    .collect();
                let attribution = (s.true_positives, s.reported);
                by_pair[gi].push((s, candidates, attribution, s.conflicts, c.id.clone()));
            }
        }
    }
    // The pair threshold: the best agreement F1 (recall of the answer keys'
    // agreements, share of reported agreements that touch a gold fact).
    let f1 = |runs: &Runs| {
        let mut s = Score::default();
        for r in runs {
            s += r.0;
        }
        let (p, r) = (s.agreement_precision(), s.agreement_recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let best = (0..PAIR_GRID.len())
        .max_by(|&a, &b| f1(&by_pair[a]).total_cmp(&f1(&by_pair[b])).then(b.cmp(&a)))
        .unwrap_or(0);
    let runs = &by_pair[best];
    // Discrepancies at threshold t: attribution conflicts and candidates of at
    // least t. Precision and recall summed over the runs.
    // (true, reported, gold conflicts found, gold conflicts) of the candidates
    // that `select` keeps, summed over the runs. Attribution conflicts do not
    // depend on the thresholds and are left out.
    let measure = |select: &dyn Fn(&Candidate) -> bool| {
        let (mut tp, mut reported, mut found, mut gold) = (0usize, 0usize, 0usize, 0usize);
        for (_, cands, _, conflicts, _) in runs {
            gold += conflicts;
            let mut hit: Vec<usize> = Vec::new();
            for c in cands.iter().filter(|c| select(c)) {
                reported += 1;
                if c.outcome == score::Outcome::True {
                    tp += 1;
                    hit.extend(&c.conflicts);
                }
            }
            hit.sort_unstable();
            hit.dedup();
            found += hit.len();
        }
        (tp, reported, found, gold)
    };
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let grid: Vec<f64> = (10..=99).map(|i| f64::from(i) / 100.0).collect();
    // Discrepancies at t: strong evidence and a probability of at least t. The
    // lowest t whose precision reaches the target; when none does, the one of
    // best F0.5 (precision weighs twice recall), the highest of equals.
    let precision = |t: f64| {
        let (tp, n, _, _) = measure(&|c| c.strong && c.confidence >= t);
        if n == 0 { 1.0 } else { ratio(tp, n) }
    };
    let f_half = |t: f64| {
        let (tp, n, found, gold) = measure(&|c| c.strong && c.confidence >= t);
        let (p, r) = (ratio(tp, n), ratio(found, gold));
        if p + r == 0.0 {
            0.0
        } else {
            1.25 * p * r / (0.25 * p + r)
        }
    };
    let discrepancy = grid
        .iter()
        .copied()
        .find(|&t| precision(t) >= PRECISION_TARGET && f_half(t) > 0.0)
        .unwrap_or_else(|| {
            grid.iter()
                .copied()
                .max_by(|&a, &b| f_half(a).total_cmp(&f_half(b)).then(a.total_cmp(&b)))
                .unwrap_or(0.99)
        });
    // The review threshold: the best F1 of the conflicts found by the
    // discrepancies and the candidates to review together, the candidates'
    // own precision at least a third.
    let is_disc = |c: &Candidate| c.strong && c.confidence >= discrepancy;
    let review = grid
        .iter()
        .copied()
        .filter(|&r| {
            let (tp, n, _, _) = measure(&|c| c.confidence >= r && !is_disc(c));
            n == 0 || tp * 3 >= n
        })
        .max_by(|&a, &b| {
            let f = |r: f64| {
                let (tp, n, found, gold) = measure(&|c| c.confidence >= r || is_disc(c));
                let (p, q) = (ratio(tp, n), ratio(found, gold));
                if p + q == 0.0 {
                    0.0
                } else {
                    2.0 * p * q / (p + q)
                }
            };
            f(a).total_cmp(&f(b)).then(b.total_cmp(&a))
        })
        .unwrap_or(discrepancy)
        .min(discrepancy);
    Thresholds {
        pair: PAIR_GRID[best],
        review,
        discrepancy,
    }
}

/// Log loss and ROC AUC of pair probabilities.
fn pair_quality(probs: &[(f64, bool)]) -> (f64, f64) {
    let n = probs.len().max(1) as f64;
    let loss = probs
        .iter()
        .map(|&(p, y)| {
            let p = p.clamp(1e-6, 1.0 - 1e-6);
            if y { -p.ln() } else { -(1.0 - p).ln() }
        })
        .sum::<f64>()
        / n;
    let mut sorted: Vec<(f64, bool)> = probs.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut positives) = (0.0, 0.0);
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        let rank = (i + j + 1) as f64 / 2.0;
        for r in &sorted[i..j] {
            if r.1 {
                rank_sum += rank;
                positives += 1.0;
            }
        }
        i = j;
    }
    let negatives = sorted.len() as f64 - positives;
    let auc = if positives == 0.0 || negatives == 0.0 {
        0.0
    } else {
        (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
    };
    (loss, auc)
}

/// Every reported discrepancy or candidate that is wrong, and every gold
/// conflict missed.
fn print_errors(c: &Cluster<'_>, view: &ReportView) {
    let show = |f: &claimdiff::report::FindingView| {
        f.values
            .iter()
            .map(|v| format!("{} '{}'", v.source, v.text))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut found = std::collections::BTreeSet::new();
    for (list, name) in [
        (&view.discrepancies, "DISCREPANCY"),
        (&view.to_review, "TO REVIEW"),
    ] {
        for f in list {
            let (o, facts) = score::outcome(&c.gold, &c.spans, f);
            if o == score::Outcome::True {
                found.extend(facts);
            } else {
                println!(
                    "      {name} {:?} ({:.2}): {} [{}]",
                    o,
                    f.confidence.unwrap_or(0.0),
                    f.fact,
                    show(f)
                );
            }
        }
    }
    for (k, fact) in c.gold.facts.iter().enumerate() {
        if fact.verdict == "conflict" && !found.contains(&k) {
            println!("      MISSED CONFLICT {}: {}", fact.id, fact.fact);
        }
    }
}
