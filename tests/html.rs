//! `claimdiff report --format html`: the page is parsed and held against the JSON
//! report of the same corpus: every finding, value, passage, edit and quote is
//! there, every highlight covers the exact characters of its span, and no element
//! or attribute comes from the sources' text, however hostile.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use claimdiff::Corpus;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::util::{claimdiff, json};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e:?}"))
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect()
}

fn attr_usize(e: ElementRef<'_>, name: &str) -> usize {
    e.value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {}", e.html()))
        .parse()
        .unwrap_or_else(|_| panic!("{name} is not a number on {}", e.html()))
}

fn array<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no array {key}"))
}

fn num(v: &Value) -> usize {
    v.as_u64().unwrap_or_else(|| panic!("not an offset: {v}")) as usize
}

fn string(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// The report of `paths` (the sample corpus when empty) as HTML and as JSON.
fn html_and_json(paths: &[&str]) -> (String, Value) {
    let run = |format: &str| {
        let mut args = vec!["report", "--format", format];
        args.extend_from_slice(paths);
        let run = claimdiff(&args, None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let html = run("html");
    (html, json(&run("json")))
}

/// The text of the source `id`.
fn source_text<'a>(corpus: &'a Corpus, id: &str) -> &'a str {
    &corpus
        .source(id)
        .unwrap_or_else(|| panic!("no source {id}"))
        .text
}

fn slice<'a>(corpus: &'a Corpus, id: &str, start: usize, end: usize) -> &'a str {
    source_text(corpus, id)
        .get(start..end)
        .unwrap_or_else(|| panic!("{id} has no span {start}..{end}"))
}

/// The id in the first `<code>` of an element: how rows and columns name their source.
fn source_of(e: ElementRef<'_>) -> String {
    text(
        e.select(&sel("code"))
            .next()
            .unwrap_or_else(|| panic!("no source in {}", e.html())),
    )
}

/// Every finding of every section of the JSON is a card in its section of the
/// page, with each value's source, text and sentence, and the figure marked on its
/// exact span.
fn findings_match(doc: &Html, report: &Value, corpus: &Corpus) {
    for (section, key) in [
        ("discrepancies", "discrepancies"),
        ("to-review", "to_review"),
        ("updates", "updates"),
        ("agreements", "agreements"),
    ] {
        let list = array(report, key);
        let part = doc
            .select(&sel(&format!("section#{section}")))
            .next()
            .unwrap_or_else(|| panic!("no section {section}"));
        assert_eq!(
            part.select(&sel("article.finding")).count(),
            list.len(),
            "{section}: as many cards as findings"
        );
        for f in list {
            let id = string(&f["id"]);
            let card = part
                .select(&sel(&format!("article[id=\"{section}-{id}\"]")))
                .next()
                .unwrap_or_else(|| panic!("no card for {key} {id}"));
            let title = text(card.select(&sel("h3")).next().expect("a card has a title"));
            assert!(
                title.contains(string(&f["fact"])),
                "{title} / {}",
                f["fact"]
            );
            let rows: Vec<_> = card.select(&sel("tr.value")).collect();
            let values = array(f, "values");
            assert_eq!(rows.len(), values.len(), "{key} {id}: one row per value");
            for (row, v) in rows.iter().zip(values) {
                let source = string(&v["source"]);
                assert_eq!(source_of(*row), source);
                let stated = text(row.select(&sel("td.stated strong")).next().expect("stated"));
                assert_eq!(stated, string(&v["text"]));
                let (start, end) = (num(&v["start"]), num(&v["end"]));
                let marks: Vec<_> = row.select(&sel("mark")).collect();
                assert_eq!(marks.len(), 1, "{key} {id}: one mark per value");
                assert_eq!(
                    (
                        attr_usize(marks[0], "data-start"),
                        attr_usize(marks[0], "data-end")
                    ),
                    (start, end)
                );
                assert_eq!(text(marks[0]), slice(corpus, source, start, end));
                let sentence = text(row.select(&sel("td.sentence")).next().expect("sentence"));
                assert!(
                    sentence.starts_with(string(&v["sentence"])),
                    "{key} {id}: the whole sentence is shown: {sentence:?}"
                );
            }
        }
    }
}

/// Every `<mark>` of the page covers exactly the characters of its span.
fn every_mark_is_exact(doc: &Html, corpus: &Corpus) -> usize {
    let mut n = 0;
    for row in doc.select(&sel("tr.value")) {
        let source = source_of(row);
        for m in row.select(&sel("mark")) {
            let (start, end) = (attr_usize(m, "data-start"), attr_usize(m, "data-end"));
            assert_eq!(text(m), slice(corpus, &source, start, end), "{}", m.html());
            n += 1;
        }
    }
    assert_eq!(
        n,
        doc.select(&sel("mark")).count(),
        "every mark is in a value row"
    );
    n
}

/// Every passage is an article with each occurrence's whole text, and each edit
/// of its diffs marked on the side it belongs to, on its exact span.
fn passages_match(doc: &Html, report: &Value, corpus: &Corpus) {
    let passages = array(report, "passages");
    assert_eq!(doc.select(&sel("article.passage")).count(), passages.len());
    for p in passages {
        let id = string(&p["id"]);
        let card = doc
            .select(&sel(&format!("article[id=\"passage-{id}\"]")))
            .next()
            .unwrap_or_else(|| panic!("no passage {id}"));
        let occurrences = array(p, "occurrences");
        for (k, o) in occurrences.iter().enumerate() {
            let sides: Vec<_> = card
                .select(&sel(&format!("div.occurrence[data-occurrence=\"{k}\"]")))
                .collect();
            assert!(!sides.is_empty(), "passage {id}: occurrence {k} is shown");
            for side in sides {
                assert_eq!(source_of(side), string(&o["source"]));
                assert_eq!(
                    (attr_usize(side, "data-start"), attr_usize(side, "data-end")),
                    (num(&o["start"]), num(&o["end"]))
                );
                let body = text(side.select(&sel("p.text")).next().expect("text"));
                assert_eq!(body, string(&o["text"]), "passage {id}: the text is whole");
                for change in side.select(&sel("del, ins")) {
                    let (start, end) = (
                        attr_usize(change, "data-start"),
                        attr_usize(change, "data-end"),
                    );
                    assert_eq!(
                        text(change),
                        slice(corpus, string(&o["source"]), start, end)
                    );
                }
            }
        }
        let Some(edits) = p["edits"].as_array() else {
            continue;
        };
        for e in edits {
            let side = |key: &str| {
                let k = num(&e[key]);
                card.select(&sel(&format!("div.occurrence[data-occurrence=\"{k}\"]")))
                    .collect::<Vec<_>>()
            };
            let (from, to) = (side("from_occurrence"), side("to_occurrence"));
            for op in array(e, "ops") {
                for (span_key, word_key, tag, sides) in [
                    ("old_span", "old", "del", &from),
                    ("new_span", "new", "ins", &to),
                ] {
                    let Some(span) = op.get(span_key) else {
                        continue;
                    };
                    let wanted = format!(
                        "{tag}[data-start=\"{}\"][data-end=\"{}\"]",
                        span["start"], span["end"]
                    );
                    let found: Vec<String> = sides
                        .iter()
                        .flat_map(|s| s.select(&sel(&wanted)).map(text).collect::<Vec<_>>())
                        .collect();
                    assert!(!found.is_empty(), "passage {id}: no {wanted}");
                    assert!(
                        found.iter().all(|t| t == string(&op[word_key])),
                        "{found:?}"
                    );
                }
            }
        }
    }
}

fn quotes_and_sources_match(doc: &Html, report: &Value) {
    let quotes = array(report, "quotes");
    assert_eq!(doc.select(&sel("tr.quote")).count(), quotes.len());
    for q in quotes {
        let row = doc
            .select(&sel(&format!("tr[id=\"quote-{}\"]", string(&q["id"]))))
            .next()
            .unwrap_or_else(|| panic!("no quote {}", q["id"]));
        assert!(text(row).contains(string(&q["text"])));
    }
    let sources = array(report, "sources");
    let rows: Vec<_> = doc.select(&sel("tr.source")).collect();
    assert_eq!(rows.len(), sources.len());
    for (row, s) in rows.iter().zip(sources) {
        let t = text(*row);
        assert_eq!(source_of(*row), string(&s["id"]));
        assert!(t.contains(string(&s["path"])), "{t}");
        if let Some(outlet) = s["outlet"].as_str() {
            assert!(t.contains(outlet), "{t}");
        }
    }
}

/// The only elements and attributes the page may have: its own markup.
fn only_own_markup(doc: &Html) {
    let tags: BTreeSet<&str> = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
        "ul", "li", "a", "span", "section", "details", "summary", "table", "thead", "tbody", "tr",
        "th", "td", "code", "br", "strong", "main", "article", "div", "mark", "del", "ins",
        "footer",
    ]
    .into_iter()
    .collect();
    let attributes: BTreeSet<&str> = [
        "lang",
        "charset",
        "name",
        "content",
        "href",
        "id",
        "class",
        "open",
        "data-start",
        "data-end",
        "data-occurrence",
    ]
    .into_iter()
    .collect();
    for node in doc.tree.nodes() {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        assert!(
            tags.contains(e.name()),
            "element <{}> in the page",
            e.name()
        );
        for (name, value) in e.attrs() {
            assert!(
                attributes.contains(name),
                "attribute {name}={value:?} on <{}>",
                e.name()
            );
            if name == "href" {
                assert!(value.starts_with('#'), "a link leaves the page: {value}");
            }
        }
    }
    assert_eq!(doc.select(&sel("style")).count(), 1);
}

#[test]
fn html_report_of_the_sample_has_every_finding_passage_and_quote_of_the_json() {
    let (html, report) = html_and_json(&[]);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let corpus = Corpus::sample();
    findings_match(&doc, &report, &corpus);
    passages_match(&doc, &report, &corpus);
    quotes_and_sources_match(&doc, &report);
    assert!(every_mark_is_exact(&doc, &corpus) >= 2 * array(&report, "discrepancies").len());
    assert!(
        doc.select(&sel("del, ins")).count() > 0,
        "the sample's edited passages show their edits"
    );
    only_own_markup(&doc);
}

#[test]
fn html_report_is_byte_identical_across_runs_and_out_writes_the_same() {
    let a = claimdiff(&["report", "--format", "html", "-q"], None);
    let b = claimdiff(&["report", "--format", "html", "-q"], None);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.html");
    let run = claimdiff(
        &[
            "report",
            "--format",
            "html",
            "-q",
            "--out",
            out.to_str().expect("UTF-8 path"),
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(fs::read_to_string(&out).expect("written"), a.stdout);
}

#[test]
fn html_is_a_report_format_only() {
    let run = claimdiff(&["figures", "--format", "html"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid value 'html'") && run.stderr.contains("table, json, csv"),
        "{}",
        run.stderr
    );
}

/// Two articles whose ids, outlets, sentences and quotes are written to break out
/// of HTML: tags, attribute breakers, entities, a carriage return.
fn hostile_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).expect("corpus dir");
    let wire = "Harbour Wire <script>alert(1)</script>\r\n\r\n\
        The storm surge flooded 1,200 homes along the harbour on Monday, the port authority \
        said in a statement. Officials said \"><img src=x onerror=alert(2)> the water rose \
        faster than in any storm since 1998 & the pumps failed.\r\n\r\n\
        Rescue crews evacuated 310 residents from the low-lying\r\nquay &amp; dock district \
        before midnight, according to the fire brigade.\r\n\r\n\
        \"We were ready for the water, but not for the wind,\" said Dana Ortiz, the harbour \
        master, on Tuesday.\r\n";
    let ledger = "The Coastal Ledger &lt;b&gt;\n\n\
        The storm surge flooded some 1,500 homes along the harbour on Monday, the port \
        authority said in a statement. Officials said \"><img src=x onerror=alert(2)> the \
        water rose faster than in any storm since 1998 & the pumps failed.\n\n\
        Rescue crews evacuated 310 residents from the low-lying quay &amp; dock district \
        before midnight, according to the fire brigade.\n\n\
        \"We were ready for the water, but not for the wind,\" said Mayor Lee Chan on \
        Tuesday.\n\nThe <iframe src=javascript:alert(5)> council meets on Friday.\n";
    fs::write(corpus.join("wire\"><img src=x onerror=alert(3)>.txt"), wire).expect("write");
    fs::write(corpus.join("ledger&co's.md"), ledger).expect("write");
    fs::write(
        corpus.join("sources.yaml"),
        "'wire\"><img src=x onerror=alert(3)>.txt':\n  \
           outlet: \"<script>alert(4)</script> & Co's \\\"Wire\\\"\"\n  \
           url: \"javascript:alert(6)\"\n  published: 2021-03-02\n\
         \"ledger&co's.md\":\n  outlet: \"Ledger <b onmouseover=alert(7)>bold</b>\"\n  \
           published: 2021-03-03\n",
    )
    .expect("write");
    corpus
}

#[test]
fn html_report_escapes_hostile_source_text_everywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus_dir = hostile_corpus(dir.path());
    let path = corpus_dir.to_str().expect("UTF-8 path");
    let (html, report) = html_and_json(&[path]);
    let corpus = Corpus::load(std::slice::from_ref(&corpus_dir));
    assert_eq!(corpus.sources.len(), 2, "{:?}", corpus.diagnostics);
    // The hostile words reach the findings, so the test is not vacuous.
    assert!(!array(&report, "passages").is_empty());
    assert!(
        !array(&report, "agreements").is_empty() && !array(&report, "discrepancies").is_empty(),
        "{report}"
    );

    let lower = html.to_lowercase();
    for forbidden in ["<script", "<img", "<iframe", "<b>", "<b ", "\r"] {
        assert!(!lower.contains(forbidden), "{forbidden:?} in the page");
    }
    assert!(
        html.contains("&#13;"),
        "the carriage return inside a sentence of the wire is written as a reference"
    );
    let doc = Html::parse_document(&html);
    // `&#13;` is the one way to keep a carriage return through a parser (a raw one
    // becomes a line feed); HTML calls it a parse error but defines its result, the
    // carriage return itself. No other error is allowed.
    let returns = html.matches("&#13;").count();
    assert!(
        doc.errors.len() == returns
            && doc
                .errors
                .iter()
                .all(|e| e.contains("numeric character reference")),
        "parse errors: {:?}",
        doc.errors
    );
    only_own_markup(&doc);
    assert!(
        !text(doc.select(&sel("style")).next().expect("style")).contains("alert"),
        "no source text in the style sheet"
    );

    // What the sources say is there, as text.
    let all: String = doc.root_element().text().collect();
    for literal in [
        "wire\"><img src=x onerror=alert(3)>",
        "<script>alert(4)</script> & Co's \"Wire\"",
        "Ledger <b onmouseover=alert(7)>bold</b>",
        "javascript:alert(6)",
        "\"><img src=x onerror=alert(2)>",
        "quay &amp; dock",
        "ledger&co's",
    ] {
        assert!(all.contains(literal), "{literal:?} not shown as text");
    }
    findings_match(&doc, &report, &corpus);
    passages_match(&doc, &report, &corpus);
    quotes_and_sources_match(&doc, &report);
    assert!(every_mark_is_exact(&doc, &corpus) > 0);

    let again = claimdiff(&["report", "--format", "html", path], None);
    assert_eq!(again.stdout, html, "byte-identical across runs");
}
