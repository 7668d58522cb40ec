//! Alignment on the sample corpus and on fixtures.

use claimdiff::align::{self, AlignOptions, PassageKind, render_inline};
use claimdiff::{Corpus, prepare};

#[test]
fn dump_seeds() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    let a = align::align(&docs, &AlignOptions::default());
    for p in &a.passages {
        println!(
            "== {} {:?} sim={:.2} speaker={:?}",
            p.id, p.kind, p.similarity, p.speaker
        );
        for o in &p.occurrences {
            println!(
                "  [{}] {}..{} {:?}: {}",
                corpus.sources[o.source].id,
                o.start,
                o.end,
                o.speaker,
                &corpus.sources[o.source].text[o.start..o.end]
            );
        }
        for d in &p.diffs {
            if p.kind != PassageKind::Verbatim {
                println!("  diff {}-{}: {}", d.a, d.b, render_inline(&d.edits));
            }
        }
    }
    println!("{:?}", a.stats);
}
