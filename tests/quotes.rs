//! Quotations and speakers on the sample corpus and on fixtures.

use claimdiff::quotes::find_quotes;
use claimdiff::{Corpus, prepare};

#[test]
fn dump_seed_quotes() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    let r = find_quotes(&docs);
    for q in &r.quotations {
        println!(
            "[{}] {:?} | {:?} | {}",
            corpus.sources[q.source].id,
            q.speaker,
            q.attribution
                .as_ref()
                .map(|a| (a.kind, a.text.clone(), a.according_to.clone())),
            q.text
        );
    }
    for q in &r.quotes {
        if q.occurrences.len() > 1 {
            println!("QUOTE {} {:?}: {}", q.id, q.speaker, q.text);
            for o in &q.occurrences {
                println!(
                    "   [{}] {:?} via {:?}: {}",
                    corpus.sources[o.source].id,
                    o.speaker,
                    o.according_to,
                    &corpus.sources[o.source].text[o.start..o.end]
                );
            }
        }
    }
    for c in &r.attribution_conflicts {
        println!("CONFLICT {:?}", c);
    }
    for s in &r.speakers {
        println!("SPEAKER {:?}", s);
    }
}
