//! Word shingles: hashed n-grams of unit keys.
//!
//! A shingle made only of weak words (stop words and figures, such as "of the #") says
//! nothing about which text a sentence came from and is never produced. Shingles are
//! 32-bit: a rare collision adds a spurious candidate, which verification then rejects.

use super::units::is_weak;

/// Mixes a 64-bit state (the SplitMix64 finalizer), so that neighbouring inputs give
/// unrelated outputs.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of one n-gram of keys.
pub(crate) fn hash_window(window: &[u32]) -> u32 {
    let mut h = 0x243f_6a88_85a3_08d3_u64;
    for &k in window {
        h = mix(h ^ u64::from(k));
    }
    (h >> 32) as u32
}

/// The distinct shingles of a key sequence, sorted. A sequence shorter than `n` gives
/// one shingle of the whole sequence, so that short units can still meet.
pub(crate) fn shingles(keys: &[u32], n: usize) -> Vec<u32> {
    let n = n.max(1);
    let mut out: Vec<u32> = if keys.len() < n {
        if keys.iter().all(|&k| is_weak(k)) {
            Vec::new()
        } else {
            vec![hash_window(keys)]
        }
    } else {
        keys.windows(n)
            .filter(|w| !w.iter().all(|&k| is_weak(k)))
            .map(hash_window)
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::super::units::keys;
    use super::*;

    fn sh(s: &str) -> Vec<u32> {
        shingles(&keys(s, 0..s.len()), 3)
    }

    #[test]
    fn shared_word_runs_give_shared_shingles() {
        let a = sh("the ferry company cancelled all crossings on Monday");
        let b = sh("Officials said the ferry company cancelled crossings");
        let shared = a.iter().filter(|h| b.binary_search(h).is_ok()).count();
        // "the ferry company" and "ferry company cancelled".
        assert_eq!(shared, 2);
    }

    #[test]
    fn shingles_of_only_stop_words_and_figures_are_dropped() {
        assert!(sh("and of the 12 in the").is_empty());
        assert_eq!(sh("of the harbour").len(), 1);
    }

    #[test]
    fn repeated_shingles_are_counted_once() {
        assert_eq!(sh("red boat red boat red boat").len(), 2);
    }

    #[test]
    fn figures_do_not_change_shingles() {
        assert_eq!(
            sh("the storm flattened 40 houses overnight"),
            sh("the storm flattened 400 houses overnight")
        );
    }
}
