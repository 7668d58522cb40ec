//! The alignment of one pair of documents, word by word, from their seeds.
//!
//! 1. Seeds on one diagonal become maximal runs of equal words.
//! 2. Runs in order on both sides, close enough together, form a chain: an outlet
//!    may add or cut up to [`ONE_SIDED_GAP`] words on one side, or rewrite up to
//!    [`BOTH_SIDED_GAP`] words on both, inside a passage it copies. So substitutions,
//!    deletions, insertions and changed figures never split a passage.
//! 3. Between the runs of a chain, the words are diffed (`similar`); beyond its ends,
//!    the passage is extended outwards word by word with an X-drop score (equal words
//!    gain, edited words cost), across sentence and paragraph boundaries, so that a
//!    short sentence or a quotation's closing words are kept with what they follow.
//! 4. The alignment is cut where the voice changes (reporting, or the quotation of
//!    one speaker, as in the passages it joins), and each part is judged by the
//!    evidence rules ([`Rules`]). A chain that fails is split at its widest gap and
//!    both halves are judged again; one that names only others is never reuse.
//!
//! All work is linear in the seeds and in the length of what is aligned.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::diff::extension;
use super::names::other_names_in;
use super::similarity::{MIN_TILE, Measure, score_with_content};
use super::stream::Stream;
use super::units::is_weak;

/// Largest gap (in words) on one side between two runs of one passage when the other
/// side has at most [`SMALL_GAP`] words there: a clause one outlet added or cut.
pub(crate) const ONE_SIDED_GAP: usize = 30;
/// Largest gap on the other side that still counts as one-sided.
const SMALL_GAP: usize = 3;
/// Largest gap on both sides between two runs of one passage: words rewritten.
pub(crate) const BOTH_SIDED_GAP: usize = 12;
/// A chain is aligned only when its runs hold at least this many equal words (no
/// evidence rule accepts fewer, whatever the extension adds).
const MIN_COVER: usize = 6;
/// First margin (in words) read beyond each end of a chain when extending it.
const MARGIN: usize = 16;
/// Regions larger than this (words on one side times words on the other) are scored
/// from the alignment itself rather than by the measure, whose cost is quadratic.
const MAX_SCORED: usize = 128 * 128;
/// How many recent chains a run may join: enough for any text, bounded for text that
/// repeats itself.
const OPEN_CHAINS: usize = 64;

/// What makes an alignment reuse.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rules {
    /// The similarity measure.
    pub(crate) measure: Measure,
    /// Alignments scoring at least this are reuse ...
    pub(crate) threshold: f64,
    /// ... when their content similarity also reaches this ...
    pub(crate) min_content: f64,
    /// ... and they share at least this many words, ...
    pub(crate) min_words: usize,
    /// ... or at least this many (0: never) holding `run_content` content words.
    pub(crate) run_words: usize,
    /// See `run_words`.
    pub(crate) run_content: usize,
    /// A quotation printed in both (mostly inside quotation marks on both sides) is
    /// reuse with this many shared words, when at least `strong` similar.
    pub(crate) quote_words: usize,
    /// Similarity of a nearly identical text.
    pub(crate) strong: f64,
    /// Whole sentences at least `strong` similar are reuse with this many shared
    /// words, as many of them informative (see [`informative_words`]): two
    /// sentences that both put the same two stock phrases side by side are not.
    pub(crate) sentence_words: usize,
    /// Alignments that name only other people or places are never reuse.
    pub(crate) other_names: bool,
    /// Words per shingle (see [`informative_words`]).
    pub(crate) shingle: usize,
    /// Shingles found at most this many times are rare (see [`informative_words`]).
    pub(crate) rare: usize,
}

/// One side of a pair: its stream and the voice of each of its sentences.
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    pub(crate) stream: &'a Stream,
    /// (sentence index, voice) of the sentences that belong to a quotation, sorted.
    pub(crate) voices: &'a [(usize, u64)],
    /// How often the shingle starting at each word is found in the corpus (0: not
    /// indexed), see [`informative_words`].
    pub(crate) frequencies: &'a [u16],
}

impl Side<'_> {
    fn keys(&self) -> &[u32] {
        &self.stream.keys
    }

    /// The voice of word `w`: 0 for reporting.
    fn voice(&self, w: usize) -> u64 {
        let slot = self.stream.sentence_slot(w);
        let sentence = self.stream.sentences.get(slot).map_or(0, |s| s.1 as usize);
        self.voices
            .binary_search_by_key(&sentence, |v| v.0)
            .map_or(0, |i| self.voices[i].1)
    }
}

/// A run of equal words: `len` words from `a` on the first side and `b` on the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Run {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) len: usize,
}

/// An accepted alignment of two documents (word positions in their streams).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Aligned {
    /// The edits from the first side to the second, equal runs included, in order.
    pub(crate) ops: Vec<DiffOp>,
    /// Similarity of the two sides.
    pub(crate) similarity: f64,
}

impl Aligned {
    /// The words of the first side.
    pub(crate) fn a(&self) -> Range<usize> {
        op_range(&self.ops, true)
    }

    /// The words of the second side.
    pub(crate) fn b(&self) -> Range<usize> {
        op_range(&self.ops, false)
    }
}

/// The word range of one side covered by ops.
fn op_range(ops: &[DiffOp], old: bool) -> Range<usize> {
    let r = |op: &DiffOp| {
        if old { op.old_range() } else { op.new_range() }
    };
    match (ops.first(), ops.last()) {
        (Some(f), Some(l)) => r(f).start..r(l).end,
        _ => 0..0,
    }
}

/// Counters of the work done, for the statistics, and buffers reused from one pair
/// to the next (most pairs share a stock phrase or two and nothing else).
#[derive(Debug, Clone, Default)]
pub(crate) struct Work {
    /// Chains aligned.
    pub(crate) chains: usize,
    runs: Vec<Run>,
}

/// Aligns two documents from their seeds (word here, word there), sorted by
/// diagonal (word there minus word here), then by word here. Returns the accepted
/// alignments, in order.
pub(crate) fn align_pair(
    a: Side<'_>,
    b: Side<'_>,
    seeds: &[(u32, u32)],
    rules: &Rules,
    work: &mut Work,
) -> Vec<Aligned> {
    let mut runs = std::mem::take(&mut work.runs);
    runs_into(a.keys(), b.keys(), seeds, &mut runs);
    let mut out = Vec::new();
    // No chain covers more words than all runs together: most pairs of documents
    // share a stock phrase or two and nothing else.
    if cover(&runs) < MIN_COVER {
        work.runs = runs;
        return out;
    }
    let chained = chains(&runs);
    work.runs = runs;
    for chain in chained {
        if worth_aligning(a, b, &chain, rules) {
            judge_chain(a, b, &chain, rules, work, &mut out, 0);
        }
    }
    out
}

fn cover(chain: &[Run]) -> usize {
    chain.iter().map(|r| r.len).sum()
}

/// Share of the words of the whole sentences around a chain that its runs must cover
/// (as a Dice share) before the chain is aligned word by word. An edited copy keeps
/// far more of its sentences in runs of three words or more (those that give seeds);
/// a stock phrase shared by two unrelated sentences covers a fifth of them or less.
const MIN_CHAIN_SHARE: f64 = 0.3;

/// True when a chain could pass an evidence rule: enough of its sentences covered, or
/// one run long enough for the clause rule, or mostly quoted on both sides.
fn worth_aligning(a: Side<'_>, b: Side<'_>, chain: &[Run], rules: &Rules) -> bool {
    let n = cover(chain);
    if n < MIN_COVER {
        return false;
    }
    let longest = chain.iter().map(|r| r.len).max().unwrap_or(0);
    if rules.run_words > 0 && longest >= rules.run_words {
        return true;
    }
    let (first, last) = (chain[0], chain[chain.len() - 1]);
    let (ra, rb) = (first.a..last.a + last.len, first.b..last.b + last.len);
    let (wa, wb) = (whole(a.stream, &ra), whole(b.stream, &rb));
    if 2.0 * n as f64 >= MIN_CHAIN_SHARE * (wa.len() + wb.len()) as f64 {
        return true;
    }
    n >= rules.quote_words
        && 2 * a.stream.quoted_in(ra.clone()) >= ra.len()
        && 2 * b.stream.quoted_in(rb.clone()) >= rb.len()
}

/// The order of seeds that [`runs_into`] reads: by diagonal, then by word here.
pub(crate) fn seed_order(p: u32, q: u32) -> (i64, u32) {
    (i64::from(q) - i64::from(p), p)
}

/// Maximal runs of equal words through the seeds (sorted by [`seed_order`]), sorted
/// by position, written to `out`.
pub(crate) fn runs_into(ka: &[u32], kb: &[u32], seeds: &[(u32, u32)], out: &mut Vec<Run>) {
    debug_assert!(
        seeds
            .windows(2)
            .all(|w| seed_order(w[0].0, w[0].1) < seed_order(w[1].0, w[1].1))
    );
    out.clear();
    let mut last: Option<(i64, usize)> = None;
    for &(p, q) in seeds.iter() {
        let (p, q) = (p as usize, q as usize);
        let diag = q as i64 - p as i64;
        if last.is_some_and(|(d, end)| d == diag && p < end) {
            continue;
        }
        if ka.get(p) != kb.get(q) {
            // A hash collision, or the one shingle of a short stream.
            continue;
        }
        let (mut s, mut t) = (p, q);
        while s > 0 && t > 0 && ka[s - 1] == kb[t - 1] {
            s -= 1;
            t -= 1;
        }
        let mut len = p - s;
        while s + len < ka.len() && t + len < kb.len() && ka[s + len] == kb[t + len] {
            len += 1;
        }
        if last.is_some_and(|(d, end)| d == diag && s < end) {
            continue;
        }
        last = Some((diag, s + len));
        out.push(Run { a: s, b: t, len });
    }
    out.sort_unstable();
}

/// A chain being built.
struct Chain {
    runs: Vec<Run>,
    end_a: usize,
    end_b: usize,
}

/// Groups runs (sorted) into chains of one passage each.
pub(crate) fn chains(runs: &[Run]) -> Vec<Vec<Run>> {
    let mut open: Vec<Chain> = Vec::new();
    let mut done: Vec<Vec<Run>> = Vec::new();
    for &r in runs {
        // Chains that ended too far back can take no more runs.
        let mut k = 0;
        while k < open.len() {
            if open[k].end_a + ONE_SIDED_GAP < r.a {
                done.push(open.remove(k).runs);
            } else {
                k += 1;
            }
        }
        let mut best: Option<(usize, usize, Run)> = None;
        let first = open.len().saturating_sub(OPEN_CHAINS);
        for (ci, c) in open.iter().enumerate().skip(first) {
            let Some(last) = c.runs.last() else { continue };
            if r.a <= last.a || r.b <= last.b {
                continue;
            }
            // Runs on another diagonal may overlap the chain's end: keep what follows.
            let shift = c.end_a.saturating_sub(r.a).max(c.end_b.saturating_sub(r.b));
            if shift >= r.len {
                continue;
            }
            let cut = Run {
                a: r.a + shift,
                b: r.b + shift,
                len: r.len - shift,
            };
            let (ga, gb) = (cut.a - c.end_a, cut.b - c.end_b);
            let close = (ga.min(gb) <= SMALL_GAP && ga.max(gb) <= ONE_SIDED_GAP)
                || (ga <= BOTH_SIDED_GAP && gb <= BOTH_SIDED_GAP);
            if close && best.is_none_or(|(_, cost, _)| ga + gb < cost) {
                best = Some((ci, ga + gb, cut));
            }
        }
        match best {
            Some((ci, _, cut)) => {
                let c = &mut open[ci];
                c.end_a = cut.a + cut.len;
                c.end_b = cut.b + cut.len;
                c.runs.push(cut);
            }
            None => open.push(Chain {
                runs: vec![r],
                end_a: r.a + r.len,
                end_b: r.b + r.len,
            }),
        }
    }
    done.extend(open.into_iter().map(|c| c.runs));
    done.sort_unstable_by_key(|c| c.first().map(|r| (r.a, r.b)));
    done
}

/// Aligns a chain, judges it, and splits it at its widest gap when it fails.
fn judge_chain(
    a: Side<'_>,
    b: Side<'_>,
    chain: &[Run],
    rules: &Rules,
    work: &mut Work,
    out: &mut Vec<Aligned>,
    depth: usize,
) {
    work.chains += 1;
    let ops = align_chain(a.keys(), b.keys(), chain);
    let mut failed = false;
    for part in voice_parts(a, b, ops) {
        match judge(a, b, part, rules) {
            Verdict::Reuse(x) => out.push(x),
            Verdict::Others => return,
            Verdict::NotEnough => failed = true,
        }
    }
    if !failed || chain.len() < 2 || depth >= 8 {
        return;
    }
    let widest = (1..chain.len())
        .max_by_key(|&i| {
            let (p, r) = (chain[i - 1], chain[i]);
            (
                (r.a - p.a - p.len).max(r.b - p.b - p.len),
                std::cmp::Reverse(i),
            )
        })
        .expect("invariant: a chain of two runs has a gap");
    let (left, right) = chain.split_at(widest);
    // Only parts that failed are worth splitting: drop what the whole accepted.
    let taken: Vec<Range<usize>> = out.iter().map(Aligned::a).collect();
    for half in [left, right] {
        let span = half[0].a..half[half.len() - 1].a + half[half.len() - 1].len;
        let inside = taken
            .iter()
            .any(|t| t.start <= span.start && span.end <= t.end);
        if !inside && worth_aligning(a, b, half, rules) {
            judge_chain(a, b, half, rules, work, out, depth + 1);
        }
    }
}

/// Diffs two slices, with op indices shifted to `a0` and `b0`.
fn diff_at(ka: &[u32], kb: &[u32], a0: usize, b0: usize) -> Vec<DiffOp> {
    let ops = match (ka.is_empty(), kb.is_empty()) {
        (true, true) => Vec::new(),
        (false, true) => vec![DiffOp::Delete {
            old_index: 0,
            old_len: ka.len(),
            new_index: 0,
        }],
        (true, false) => vec![DiffOp::Insert {
            old_index: 0,
            new_index: 0,
            new_len: kb.len(),
        }],
        _ => capture_diff_slices(Algorithm::Myers, ka, kb),
    };
    ops.into_iter()
        .filter(|op| !matches!(op, DiffOp::Equal { len: 0, .. }))
        .map(|op| shift(op, a0 as isize, b0 as isize, false))
        .collect()
}

/// Moves an op by `da` and `db`; with `mirror`, maps it from reversed coordinates
/// (index `x` of a reversed slice ending at `da` is word `da - 1 - x`).
pub(crate) fn shift(op: DiffOp, da: isize, db: isize, mirror: bool) -> DiffOp {
    let at = |base: isize, index: usize, len: usize| -> usize {
        let i = index as isize;
        let v = if mirror {
            base - i - len as isize
        } else {
            base + i
        };
        usize::try_from(v).expect("invariant: ops stay inside their slices")
    };
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: at(da, old_index, len),
            new_index: at(db, new_index, len),
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: at(da, old_index, old_len),
            old_len,
            new_index: at(db, new_index, 0),
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: at(da, old_index, 0),
            new_index: at(db, new_index, new_len),
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: at(da, old_index, old_len),
            old_len,
            new_index: at(db, new_index, new_len),
            new_len,
        },
    }
}

/// The ops of a chain: its runs, the diffs of the gaps between them, and the
/// extensions beyond both ends.
pub(crate) fn align_chain(ka: &[u32], kb: &[u32], chain: &[Run]) -> Vec<DiffOp> {
    let first = chain[0];
    let last = chain[chain.len() - 1];
    let mut ops = extend_left(ka, kb, first.a, first.b);
    for (i, r) in chain.iter().enumerate() {
        if i > 0 {
            let p = chain[i - 1];
            let (a0, b0) = (p.a + p.len, p.b + p.len);
            ops.extend(diff_at(&ka[a0..r.a], &kb[b0..r.b], a0, b0));
        }
        ops.push(DiffOp::Equal {
            old_index: r.a,
            new_index: r.b,
            len: r.len,
        });
    }
    ops.extend(extend_right(ka, kb, last.a + last.len, last.b + last.len));
    ops
}

/// The ops that extend a passage ending at (`a`, `b`) forwards: the best-scoring
/// prefix of the diff of what follows, read in margins that grow while the passage
/// runs on.
fn extend_right(ka: &[u32], kb: &[u32], a: usize, b: usize) -> Vec<DiffOp> {
    let mut margin = MARGIN;
    loop {
        let (ea, eb) = ((a + margin).min(ka.len()), (b + margin).min(kb.len()));
        let ops = diff_at(&ka[a..ea], &kb[b..eb], a, b);
        let keep = extension(ops.iter());
        let kept = &ops[..keep];
        let reach = op_range(kept, true).end.max(a);
        let reach_b = op_range(kept, false).end.max(b);
        let cut_short = (ea < ka.len() && reach + 4 >= ea) || (eb < kb.len() && reach_b + 4 >= eb);
        if !cut_short {
            return kept.to_vec();
        }
        margin *= 4;
    }
}

/// The ops that extend a passage starting at (`a`, `b`) backwards (see
/// [`extend_right`]), in text order.
fn extend_left(ka: &[u32], kb: &[u32], a: usize, b: usize) -> Vec<DiffOp> {
    let mut margin = MARGIN;
    loop {
        let (sa, sb) = (a.saturating_sub(margin), b.saturating_sub(margin));
        let ra: Vec<u32> = ka[sa..a].iter().rev().copied().collect();
        let rb: Vec<u32> = kb[sb..b].iter().rev().copied().collect();
        let ops = diff_at(&ra, &rb, 0, 0);
        let keep = extension(ops.iter());
        let kept = &ops[..keep];
        let (reach, reach_b) = (op_range(kept, true).end, op_range(kept, false).end);
        let cut_short = (sa > 0 && reach + 4 >= ra.len()) || (sb > 0 && reach_b + 4 >= rb.len());
        if !cut_short {
            return kept
                .iter()
                .rev()
                .map(|&op| shift(op, a as isize, b as isize, true))
                .collect();
        }
        margin *= 4;
    }
}

/// Splits an alignment where the voice changes on either side, into parts that each
/// begin and end with equal words.
fn voice_parts(a: Side<'_>, b: Side<'_>, ops: Vec<DiffOp>) -> Vec<Vec<DiffOp>> {
    let unvoiced = a.voices.is_empty() && b.voices.is_empty();
    let mut parts: Vec<Vec<DiffOp>> = Vec::new();
    if unvoiced {
        parts.push(ops);
    } else {
        let mut current: Vec<DiffOp> = Vec::new();
        let mut voice: Option<u64> = None;
        for op in ops {
            let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            else {
                current.push(op);
                continue;
            };
            let mut k = 0;
            while k < len {
                let v = a.voice(old_index + k) ^ b.voice(new_index + k).rotate_left(1);
                let mut n = 1;
                while k + n < len
                    && a.voice(old_index + k + n) ^ b.voice(new_index + k + n).rotate_left(1) == v
                {
                    n += 1;
                }
                if voice.is_some_and(|x| x != v) {
                    parts.push(std::mem::take(&mut current));
                }
                voice = Some(v);
                current.push(DiffOp::Equal {
                    old_index: old_index + k,
                    new_index: new_index + k,
                    len: n,
                });
                k += n;
            }
        }
        parts.push(current);
    }
    for p in &mut parts {
        while p
            .last()
            .is_some_and(|op| !matches!(op, DiffOp::Equal { .. }))
        {
            p.pop();
        }
        let lead = p
            .iter()
            .take_while(|op| !matches!(op, DiffOp::Equal { .. }))
            .count();
        p.drain(..lead);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// What the evidence says about an alignment.
enum Verdict {
    Reuse(Aligned),
    /// Both sides name people or places, and none of the same: never reuse.
    Others,
    NotEnough,
}

/// Judges one alignment by the evidence rules.
fn judge(a: Side<'_>, b: Side<'_>, ops: Vec<DiffOp>, rules: &Rules) -> Verdict {
    let (ra, rb) = (op_range(&ops, true), op_range(&ops, false));
    if rules.other_names
        && other_names_in(
            &a.stream.names_in(ra.clone()),
            &b.stream.names_in(rb.clone()),
        )
    {
        return Verdict::Others;
    }
    let (mut shared, mut content, mut informative, mut longest) = (0, 0, 0, (0, 0));
    for op in &ops {
        if let DiffOp::Equal { old_index, len, .. } = *op {
            let run = old_index..old_index + len;
            let run_content = a.keys()[run.clone()]
                .iter()
                .filter(|&&k| !is_weak(k))
                .count();
            let run_informative = informative_words(a.frequencies, run, rules.shingle, rules.rare);
            shared += len;
            content += run_content;
            informative += run_informative;
            longest = longest.max((run_informative, run_content));
        }
    }
    // The similarity is judged on the whole sentences the alignment lies in: an
    // alignment cut to fit what two texts share (stock phrases a few words apart in
    // unrelated sentences) is similar by construction.
    let (wa, wb) = (whole(a.stream, &ra), whole(b.stream, &rb));
    let (ka, kb) = (&a.keys()[wa.clone()], &b.keys()[wb.clone()]);
    let (similarity, content_similarity) = if ka.len() * kb.len() <= MAX_SCORED {
        score_with_content(rules.measure, ka, kb)
    } else {
        scores_of_ops(&ops, a.keys(), ka, kb)
    };
    let similar = similarity >= rules.threshold && content_similarity >= rules.min_content;
    let long = similar && informative >= rules.min_words;
    // A clause copied into a sentence that otherwise differs: one long run.
    let clause =
        rules.run_words > 0 && longest.0 >= rules.run_words && longest.1 >= rules.run_content;
    let region = || {
        let (ka, kb) = (&a.keys()[ra.clone()], &b.keys()[rb.clone()]);
        if ka.len() * kb.len() <= MAX_SCORED {
            score_with_content(rules.measure, ka, kb)
        } else {
            scores_of_ops(&ops, a.keys(), ka, kb)
        }
    };
    let quoted = || {
        2 * a.stream.quoted_in(ra.clone()) >= ra.len()
            && 2 * b.stream.quoted_in(rb.clone()) >= rb.len()
    };
    let quote = || {
        let (similarity, content_similarity) = region();
        shared >= rules.quote_words
            && similarity >= rules.strong
            && content >= 3
            && content_similarity >= rules.min_content
            && quoted()
    };
    let sentences = || {
        shared >= rules.sentence_words
            && informative >= rules.sentence_words
            && similarity >= rules.strong
            && content_similarity >= rules.min_content
    };
    if long || clause || quote() || sentences() {
        let similarity = region().0;
        Verdict::Reuse(Aligned { ops, similarity })
    } else {
        Verdict::NotEnough
    }
}

/// A shingle of a run is informative when it is found at most this many times as
/// often as the rarest shingle of the run.
const COMMON_FACTOR: u32 = 4;

/// Runs this short made of frequent shingles only are stock phrases (see
/// [`informative_words`]).
const STOCK_PHRASE_WORDS: usize = 6;

/// The words of an equal run covered by its informative shingles. The rarest shingle
/// of a run says how often the run's text was printed (twice for a copy, a hundred
/// times for wire copy reprinted by a hundred outlets); shingles far more frequent
/// than that are stock phrases ("said in a statement") that the two texts share with
/// many others. Two unrelated sentences that happen to put two stock phrases side
/// by side share a long run whose only rare shingles are the few that straddle the
/// phrases' meeting point.
///
/// A run of at most [`STOCK_PHRASE_WORDS`] words none of whose shingles is rare (found
/// at most `rare` times in the corpus) is a stock phrase, or two side by side, that
/// many texts print: it informs of nothing, however its shingles compare.
fn informative_words(frequencies: &[u16], run: Range<usize>, size: usize, rare: usize) -> usize {
    let size = size.max(1);
    if run.len() < size {
        return 0;
    }
    let starts = run.start..run.end + 1 - size;
    let Some(rarest) = frequencies[starts.clone()]
        .iter()
        .filter(|&&f| f > 0)
        .map(|&f| u32::from(f))
        .min()
    else {
        return 0;
    };
    if run.len() <= STOCK_PHRASE_WORDS && rarest > u32::try_from(rare).unwrap_or(u32::MAX) {
        return 0;
    }
    let limit = rarest * COMMON_FACTOR;
    let (mut covered, mut reach) = (0, run.start);
    for p in starts {
        let f = u32::from(frequencies[p]);
        if f > 0 && f <= limit {
            covered += (p + size).saturating_sub(reach.max(p));
            reach = p + size;
        }
    }
    covered
}

/// Similarity and content similarity read from the alignment: the Dice share of
/// words in equal runs of [`MIN_TILE`] words or more (what tiling counts, but for
/// clauses moved across the passage).
fn scores_of_ops(ops: &[DiffOp], keys_a: &[u32], ka: &[u32], kb: &[u32]) -> (f64, f64) {
    let (mut tiled, mut tiled_content) = (0, 0);
    for op in ops {
        if let DiffOp::Equal { old_index, len, .. } = *op
            && len >= MIN_TILE
        {
            tiled += len;
            tiled_content += keys_a[old_index..old_index + len]
                .iter()
                .filter(|&&k| !is_weak(k))
                .count();
        }
    }
    let content = |k: &[u32]| k.iter().filter(|&&x| !is_weak(x)).count();
    let (na, nb) = (content(ka), content(kb));
    let dice = |x: usize, total: usize| {
        if total == 0 {
            1.0
        } else {
            2.0 * x as f64 / total as f64
        }
    };
    (
        dice(tiled, ka.len() + kb.len()),
        dice(tiled_content, na + nb),
    )
}

/// The words of the whole sentences that the words `r` of a stream lie in.
fn whole(s: &Stream, r: &Range<usize>) -> Range<usize> {
    if s.sentences.is_empty() {
        return r.clone();
    }
    let first = s.sentence_words(s.sentence_slot(r.start));
    let last = s.sentence_words(s.sentence_slot(r.end.max(1) - 1));
    first.start..last.end
}

#[cfg(test)]
mod tests {
    use super::super::units::keys;
    use super::*;

    fn run(a: usize, b: usize, len: usize) -> Run {
        Run { a, b, len }
    }

    #[test]
    fn a_short_run_of_frequent_shingles_informs_of_nothing() {
        // Shingles of three words starting at each word; the last two start none.
        let frequent = [50, 60, 50, 70, 0, 0];
        assert_eq!(informative_words(&frequent, 0..6, 3, 8), 0);
        // The same run with one rare shingle: its words are informative.
        let rare = [2, 6, 50, 7, 0, 0];
        assert_eq!(informative_words(&rare, 0..6, 3, 8), 6);
        // A long run of frequent shingles (text reprinted by many sources) is not a
        // stock phrase.
        let long = [50; 12];
        assert_eq!(informative_words(&long, 0..12, 3, 8), 12);
    }

    #[test]
    fn seeds_become_maximal_runs() {
        let (a, b) = (
            "x the ferry company cancelled all crossings y",
            "the ferry company cancelled all crossings",
        );
        let (ka, kb) = (keys(a, 0..a.len()), keys(b, 0..b.len()));
        let seeds = vec![(1, 0), (2, 1), (3, 2)];
        let mut out = Vec::new();
        runs_into(&ka, &kb, &seeds, &mut out);
        assert_eq!(out, vec![run(1, 0, 6)]);
    }

    #[test]
    fn runs_close_on_both_sides_chain_and_distant_ones_do_not() {
        let chained = chains(&[run(0, 0, 5), run(8, 7, 5), run(14, 40, 4), run(200, 200, 6)]);
        assert_eq!(
            chained,
            vec![
                vec![run(0, 0, 5), run(8, 7, 5), run(14, 40, 4)],
                vec![run(200, 200, 6)]
            ]
        );
        // Twenty words rewritten on both sides is not one passage, nor a clause added
        // on one side while words are rewritten on the other.
        assert_eq!(chains(&[run(0, 0, 5), run(25, 25, 5)]).len(), 2);
        assert_eq!(chains(&[run(0, 0, 5), run(12, 33, 5)]).len(), 2);
    }

    #[test]
    fn overlapping_runs_on_another_diagonal_are_cut() {
        let chained = chains(&[run(0, 0, 8), run(6, 9, 5)]);
        assert_eq!(chained, vec![vec![run(0, 0, 8), run(8, 11, 3)]]);
    }

    #[test]
    fn a_chain_is_extended_across_a_small_edit_and_stops_in_unrelated_text() {
        let a = "old news here. Why? To pay for the new bridge over the river, the mayor said on Monday in town";
        let b = "other things. Why? To pay for a new bridge over the river, the mayor said on Monday evening later";
        let (ka, kb) = (keys(a, 0..a.len()), keys(b, 0..b.len()));
        // "new bridge over the river the mayor said on monday"
        let ops = align_chain(&ka, &kb, &[run(8, 7, 10)]);
        let ra = op_range(&ops, true);
        assert_eq!(ra, 3..18);
    }
}
