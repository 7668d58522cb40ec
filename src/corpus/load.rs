//! Reading files, folders, JSONL records and the embedded sample into a [`Corpus`].

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;
use walkdir::WalkDir;

use super::manifest::{self, MANIFEST_NAME, Manifest, ManifestEntry};
use super::read::{ReadError, Special, read_limited};
use super::{
    Corpus, DateOrigin, Diagnostic, LoadOptions, STDIN_PATH, Severity, Source, html, pubdate,
};

/// Files larger than this are skipped with a warning (unless `--max-file-size`
/// raises it): no news article is this long, and reading one would only waste memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The kinds of file claimdiff reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" => Some(Kind::Text),
        "html" | "htm" => Some(Kind::Html),
        "jsonl" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Display form of a path: as given, with `/` separators.
fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// How many invalid lines of one JSONL file are reported one by one; the rest
/// are counted in one more message.
const MAX_LINE_ERRORS: usize = 20;

#[derive(Default)]
struct Loader<'a> {
    options: LoadOptions<'a>,
    sources: Vec<Source>,
    diagnostics: Vec<Diagnostic>,
    /// Manifests already read, by folder.
    manifests: HashMap<PathBuf, Option<Manifest>>,
    /// The folders given, canonical: symbolic links are followed only into them.
    roots: Vec<PathBuf>,
    /// Files read so far (canonical path -> name as shown), to read each once.
    seen: HashMap<PathBuf, String>,
    /// Folders walked so far (canonical), to walk each once.
    visited: HashSet<PathBuf>,
    /// True once standard input was read (it is read once).
    stdin_read: bool,
}

impl Loader<'_> {
    fn warn(&mut self, location: String, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            location,
            message: message.into(),
        });
    }

    fn error(&mut self, location: String, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            location,
            message: message.into(),
        });
    }

    /// The manifest entry for `file`, looking in its folder and each folder above it
    /// up to (and including) `root`.
    fn manifest_entry(&mut self, file: &Path, root: &Path) -> Option<ManifestEntry> {
        let mut dir = file.parent()?;
        loop {
            let entry = self.manifest_of(dir).and_then(|m| {
                let rel = file.strip_prefix(dir).ok()?;
                m.get(&display(rel)).cloned()
            });
            if entry.is_some() {
                return entry;
            }
            if dir == root {
                return None;
            }
            dir = dir.parent()?;
        }
    }

    fn manifest_of(&mut self, dir: &Path) -> Option<&Manifest> {
        if !self.manifests.contains_key(dir) {
            let path = dir.join(MANIFEST_NAME);
            let parsed = match super::read::read_text_limited(&path, self.options.max_file_bytes) {
                Ok(text) => match manifest::parse(&display(&path), &text) {
                    Ok(m) => Some(m),
                    Err(e) => {
                        self.error(e.location(), e.message.clone());
                        None
                    }
                },
                Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    self.error(display(&path), format!("manifest not read: {e}"));
                    None
                }
            };
            self.manifests.insert(dir.to_path_buf(), parsed);
        }
        self.manifests.get(dir).and_then(Option::as_ref)
    }

    fn load_path(&mut self, path: &Path) {
        if path.as_os_str() == "-" {
            self.load_stdin();
            return;
        }
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                self.error(display(path), format!("cannot read: {e}"));
                return;
            }
        };
        if meta.is_dir() {
            self.load_dir(path);
            return;
        }
        match Special::of(&meta) {
            // Named on purpose: read (bounded), as text unless its name says otherwise.
            Some(Special::Fifo) => {
                let kind = kind_of(path).unwrap_or(Kind::Text);
                let root = path.parent().unwrap_or(Path::new(""));
                self.load_file(path, root, kind);
            }
            Some(other) => self.error(
                display(path),
                format!(
                    "refused: {}, not a file (claimdiff reads regular files, folders and pipes)",
                    other.describe()
                ),
            ),
            None => match kind_of(path) {
                Some(kind) => {
                    let root = path.parent().unwrap_or(Path::new(""));
                    self.load_file(path, root, kind);
                }
                None => self.warn(
                    display(path),
                    "skipped: not a .txt, .md, .html, .htm or .jsonl file",
                ),
            },
        }
    }

    fn load_dir(&mut self, dir: &Path) {
        let follow = self.options.follow_symlinks;
        let roots = self.roots.clone();
        // Filled by the filter below, drained in the loop: warnings in walk order.
        let skipped: RefCell<Vec<(String, String)>> = RefCell::new(Vec::new());
        let visited = RefCell::new(std::mem::take(&mut self.visited));
        let walker = WalkDir::new(dir)
            .sort_by_file_name()
            .follow_links(follow)
            .into_iter()
            .filter_entry(|e| {
                let skip = |why: String| {
                    skipped.borrow_mut().push((display(e.path()), why));
                    false
                };
                if e.depth() > 0 && e.path_is_symlink() {
                    if !follow {
                        return skip("skipped: a symbolic link (--no-follow-symlinks)".into());
                    }
                    match fs::canonicalize(e.path()) {
                        Ok(target) if roots.iter().any(|r| target.starts_with(r)) => {}
                        Ok(_) => {
                            let to = fs::read_link(e.path())
                                .map(|t| display(&t))
                                .unwrap_or_default();
                            return skip(format!(
                                "skipped: a symbolic link to {to}, outside the folders given"
                            ));
                        }
                        Err(err) => return skip(format!("skipped: broken symbolic link: {err}")),
                    }
                }
                if e.file_type().is_dir() {
                    // A folder reached twice (through links) is walked once.
                    let canonical = fs::canonicalize(e.path()).unwrap_or(e.path().to_path_buf());
                    if !visited.borrow_mut().insert(canonical) {
                        return skip("skipped: a folder already read through another path".into());
                    }
                }
                true
            });
        for entry in walker {
            let pending: Vec<_> = skipped.borrow_mut().drain(..).collect();
            for (location, why) in pending {
                self.warn(location, why);
            }
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if let Some(kind) = kind_of(e.path()) {
                        self.load_file(e.path(), dir, kind);
                    }
                }
                Ok(e) => {
                    if let Some(special) = Special::of_type(e.file_type()) {
                        self.warn(
                            display(e.path()),
                            format!(
                                "skipped: {} inside a folder (name it on the command line to read a pipe)",
                                special.describe()
                            ),
                        );
                    }
                }
                Err(e) => {
                    let location = e.path().map_or_else(|| display(dir), display);
                    self.warn(location, format!("skipped: {e}"));
                }
            }
        }
        for (location, why) in skipped.into_inner() {
            self.warn(location, why);
        }
        self.visited = visited.into_inner();
    }

    /// Standard input as one source: HTML when it starts like a page, else text.
    fn load_stdin(&mut self) {
        let name = STDIN_PATH.to_string();
        let Some(bytes) = self.options.stdin else {
            self.error(name, "cannot read: standard input was not given");
            return;
        };
        if std::mem::replace(&mut self.stdin_read, true) {
            self.warn(
                name,
                "skipped: standard input (`-`) is given more than once",
            );
            return;
        }
        if let Some(p) = self.options.progress {
            p.file_read();
        }
        let text = match decode(bytes) {
            Ok(t) => t,
            Err(why) => return self.warn(name, why),
        };
        let is_html = looks_like_html(&text);
        let Some(text) = self.visible_text(&name, text, is_html) else {
            return;
        };
        self.sources.push(make_source(
            "stdin".into(),
            name,
            text,
            ManifestEntry::default(),
        ));
    }

    /// The text of a page (`is_html`) or of a text file, or `None` with a warning
    /// when nothing of it is visible.
    fn visible_text(&mut self, name: &str, text: String, is_html: bool) -> Option<String> {
        let text = if is_html {
            html::visible_text(&text)
        } else {
            text
        };
        if text.trim().is_empty() {
            self.warn(name.to_string(), "skipped: no visible text");
            return None;
        }
        Some(text)
    }

    /// True the first time a file is met; the next times, warns that it was read.
    fn first_time(&mut self, path: &Path, name: &str) -> bool {
        let Ok(canonical) = fs::canonicalize(path) else {
            return true;
        };
        match self.seen.get(&canonical) {
            Some(first) => {
                let message = format!("skipped: the same file as {first}, already read");
                self.warn(name.to_string(), message);
                false
            }
            None => {
                self.seen.insert(canonical, name.to_string());
                true
            }
        }
    }

    fn load_file(&mut self, path: &Path, root: &Path, kind: Kind) {
        let name = display(path);
        if !self.first_time(path, &name) {
            return;
        }
        if let Some(p) = self.options.progress {
            p.file_read();
        }
        if kind == Kind::Jsonl {
            self.load_jsonl(path, &name);
            return;
        }
        let Some(text) = self.read_text(path, &name) else {
            return;
        };
        let Some(text) = self.visible_text(&name, text, kind == Kind::Html) else {
            return;
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone());
        let entry = self.manifest_entry(path, root).unwrap_or_default();
        self.sources.push(make_source(id, name, text, entry));
    }

    /// Reads a file as UTF-8 text, bounded by the size limit, or warns and
    /// returns `None`.
    fn read_text(&mut self, path: &Path, name: &str) -> Option<String> {
        match read_limited(path, self.options.max_file_bytes) {
            Ok(bytes) => decode(&bytes)
                .map_err(|why| self.warn(name.to_string(), why))
                .ok(),
            Err(e) => {
                self.warn(name.to_string(), format!("skipped: {e}"));
                None
            }
        }
    }

    /// Reads a JSONL file line by line: each line is one record, bounded by the
    /// size limit; a bad line (invalid JSON, not UTF-8, too long) is reported with
    /// its line number and skipped, and the other records are kept. A binary file
    /// is not refused whole (a NUL byte may be one damaged line): its lines are
    /// invalid, and past [`MAX_LINE_ERRORS`] they are only counted.
    fn load_jsonl(&mut self, path: &Path, name: &str) {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                self.warn(name.to_string(), format!("skipped: cannot read: {e}"));
                return;
            }
        };
        let limit = self.options.max_file_bytes;
        let mut reader = BufReader::new(file);
        match reader.fill_buf() {
            Ok([]) => {
                self.warn(name.to_string(), "skipped: empty file");
                return;
            }
            Ok(_) => {}
            Err(e) => {
                self.warn(name.to_string(), format!("skipped: cannot read: {e}"));
                return;
            }
        }
        let mut buf = Vec::new();
        let mut bad = 0usize;
        for lineno in 1.. {
            buf.clear();
            match (&mut reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut buf)
            {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    self.error(format!("{name}:{lineno}"), format!("cannot read: {e}"));
                    break;
                }
            }
            let problem = if buf.len() as u64 > limit && buf.last() != Some(&b'\n') {
                let rest = skip_line(&mut reader);
                Some((
                    format!("{name}:{lineno}"),
                    format!(
                        "record skipped: {}",
                        ReadError::TooLarge {
                            size: Some(buf.len() as u64 + rest),
                            limit
                        }
                    ),
                ))
            } else {
                let mut line = buf.strip_suffix(b"\n").unwrap_or(&buf);
                line = line.strip_suffix(b"\r").unwrap_or(line);
                if lineno == 1 {
                    line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                }
                match std::str::from_utf8(line) {
                    Err(e) => Some((
                        format!("{name}:{lineno}:{}", e.valid_up_to() + 1),
                        "record skipped: not UTF-8".to_string(),
                    )),
                    Ok(line) if line.trim().is_empty() => None,
                    Ok(line) => match parse_record(line) {
                        Ok(record) => {
                            self.push_record(name, lineno, record);
                            None
                        }
                        Err(RecordError::Syntax { column, message }) => {
                            Some((format!("{name}:{lineno}:{column}"), message))
                        }
                        Err(RecordError::Field(message)) => {
                            Some((format!("{name}:{lineno}"), message))
                        }
                    },
                }
            };
            if let Some((location, message)) = problem {
                bad += 1;
                if bad <= MAX_LINE_ERRORS {
                    self.error(location, message);
                }
            }
        }
        if bad > MAX_LINE_ERRORS {
            self.error(
                name.to_string(),
                format!(
                    "{} more invalid lines not shown ({bad} in all); the valid records are kept",
                    bad - MAX_LINE_ERRORS
                ),
            );
        }
    }

    fn push_record(&mut self, name: &str, lineno: usize, record: Record) {
        let location = format!("{name}:{lineno}");
        if record.text.trim().is_empty() {
            self.warn(
                location,
                format!("skipped record {:?}: empty text", record.id),
            );
            return;
        }
        let published = match record.published.as_deref().map(parse_iso_date) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                self.error(
                    location.clone(),
                    format!(
                        "record {:?}: `published` is not a YYYY-MM-DD date; the record is kept without a date",
                        record.id
                    ),
                );
                None
            }
            None => None,
        };
        let entry = ManifestEntry {
            outlet: record.outlet,
            url: record.url,
            published,
            series: record.series,
        };
        self.sources
            .push(make_source(record.id, location, record.text, entry));
    }

    /// Makes source ids unique: a repeated id gets its path (without extension) as id,
    /// and `~2`, `~3`, ... if that is still taken. Warns for each renamed source.
    fn dedupe_ids(&mut self) {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for s in &self.sources {
            *count.entry(s.id.clone()).or_default() += 1;
        }
        let mut taken: std::collections::BTreeSet<String> = count
            .iter()
            .filter(|(_, n)| **n == 1)
            .map(|(k, _)| k.clone())
            .collect();
        let mut renamed = Vec::new();
        for s in &mut self.sources {
            if count[&s.id] == 1 {
                continue;
            }
            let base = s.path.rsplit_once('.').map_or(s.path.as_str(), |(p, _)| p);
            let mut id = base.to_string();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}~{n}");
                n += 1;
            }
            taken.insert(id.clone());
            renamed.push((s.path.clone(), s.id.clone(), id.clone()));
            s.id = id;
        }
        for (path, old, new) in renamed {
            self.warn(
                path,
                format!("id {old:?} is used by several sources; this one is {new:?}"),
            );
        }
    }

    fn finish(mut self, is_sample: bool) -> Corpus {
        self.dedupe_ids();
        Corpus {
            sources: self.sources,
            diagnostics: self.diagnostics,
            is_sample,
        }
    }
}

/// True when `text` starts like an HTML page (`<!doctype html`, `<html`, ...).
fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|p| start.starts_with(p))
}

/// Decodes file bytes as UTF-8 text, explaining why not when they are not.
fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("skipped: empty file".into());
    }
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return Err("skipped: binary file (contains NUL bytes)".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.trim().is_empty() => Err("skipped: only white space".into()),
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!(
            "skipped: not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        )),
    }
}

fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

fn make_source(id: String, path: String, text: String, entry: ManifestEntry) -> Source {
    let (published, published_from, published_span) = match entry.published {
        Some(d) => (Some(d), DateOrigin::Manifest, None),
        None => match pubdate::find_publication_date(&text) {
            Some((d, span)) => (Some(d), DateOrigin::Text, Some(span)),
            None => (None, DateOrigin::None, None),
        },
    };
    Source {
        id,
        path,
        outlet: entry.outlet,
        url: entry.url,
        series: entry.series,
        published,
        published_from,
        published_span,
        text,
    }
}

/// One JSONL document.
struct Record {
    id: String,
    text: String,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    series: Option<String>,
}

enum RecordError {
    Syntax { column: usize, message: String },
    Field(String),
}

fn parse_record(line: &str) -> Result<Record, RecordError> {
    let value: Value = serde_json::from_str(line).map_err(|e| RecordError::Syntax {
        column: e.column(),
        message: format!("invalid JSON: {}", strip_position(&e.to_string())),
    })?;
    let Value::Object(map) = value else {
        return Err(RecordError::Field("a record must be a JSON object".into()));
    };
    let string = |key: &str| -> Result<Option<String>, RecordError> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(RecordError::Field(format!(
                "field `{key}` must be a string"
            ))),
        }
    };
    let id = string("id")?.filter(|s| !s.trim().is_empty());
    let id = id.ok_or_else(|| RecordError::Field("missing field `id`".into()))?;
    let text = string("text")?
        .ok_or_else(|| RecordError::Field(format!("record {id:?}: missing field `text`")))?;
    Ok(Record {
        id,
        text,
        outlet: string("outlet")?,
        url: string("url")?,
        published: string("published")?,
        series: string("series")?,
    })
}

fn strip_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// Reads and drops the rest of a line (through its `\n`), returning how many
/// bytes were dropped.
fn skip_line(reader: &mut impl BufRead) -> u64 {
    let mut dropped = 0u64;
    loop {
        let (used, done) = match reader.fill_buf() {
            Ok([]) | Err(_) => return dropped,
            Ok(chunk) => match chunk.iter().position(|&c| c == b'\n') {
                Some(p) => (p + 1, true),
                None => (chunk.len(), false),
            },
        };
        reader.consume(used);
        dropped += used as u64;
        if done {
            return dropped;
        }
    }
}

pub(super) fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
    let mut loader = Loader {
        options: *options,
        roots: paths
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| fs::canonicalize(p).ok())
            .collect(),
        ..Loader::default()
    };
    for path in paths {
        loader.load_path(path);
    }
    loader.finish(false)
}

mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample.rs"));
}

pub(super) fn load_sample() -> Corpus {
    let mut loader = Loader::default();
    let manifest = sample::SAMPLE_FILES
        .iter()
        .find(|(name, _)| *name == MANIFEST_NAME)
        .map(|(_, text)| manifest::parse(&format!("seeds/{MANIFEST_NAME}"), text))
        .transpose()
        .unwrap_or_else(|e| {
            loader.error(e.location(), e.message.clone());
            None
        })
        .unwrap_or_default();
    for (name, text) in sample::SAMPLE_FILES {
        let path = Path::new(name);
        if kind_of(path) != Some(Kind::Text) {
            continue;
        }
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.to_string());
        let entry = manifest.get(*name).cloned().unwrap_or_default();
        loader.sources.push(make_source(
            id,
            format!("seeds/{name}"),
            text.to_string(),
            entry,
        ));
    }
    loader.finish(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_is_one_source_read_once_and_html_is_recognised() {
        let page = b"<!DOCTYPE html><html><body><p>The bridge opened in May.</p></body></html>";
        let paths = [PathBuf::from("-"), PathBuf::from("-")];
        let opts = LoadOptions {
            stdin: Some(page),
            ..LoadOptions::default()
        };
        let corpus = load_paths(&paths, &opts);
        assert_eq!(corpus.sources.len(), 1);
        let s = &corpus.sources[0];
        assert_eq!((s.id.as_str(), s.path.as_str()), ("stdin", STDIN_PATH));
        assert_eq!(s.text.trim(), "The bridge opened in May.");
        assert_eq!(corpus.diagnostics.len(), 1, "{:?}", corpus.diagnostics);
        assert!(corpus.diagnostics[0].message.contains("more than once"));
        assert!(!looks_like_html("a < b, said the teacher."));
        let none = load_paths(&paths[..1], &LoadOptions::default());
        assert!(none.sources.is_empty() && none.has_errors());
    }

    #[test]
    fn decode_rejects_binary_empty_and_non_utf8() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n ").unwrap_err().contains("white space"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("binary"));
        assert!(decode(b"caf\xE9 au lait").unwrap_err().contains("offset 3"));
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn records_need_id_and_text() {
        assert!(matches!(
            parse_record(r#"{"text":"x"}"#),
            Err(RecordError::Field(_))
        ));
        assert!(matches!(
            parse_record(r#"{"id":"a"}"#),
            Err(RecordError::Field(_))
        ));
        assert!(matches!(
            parse_record(r#"{"id":"a", "text": }"#),
            Err(RecordError::Syntax { column: 20, .. })
        ));
        let r = parse_record(r#"{"id":7,"text":"t","published":"2015-09-18T10:00:00Z"}"#)
            .ok()
            .unwrap();
        assert_eq!(r.id, "7");
        assert_eq!(
            parse_iso_date(r.published.as_deref().unwrap()),
            NaiveDate::from_ymd_opt(2015, 9, 18)
        );
    }

    #[test]
    fn a_deeply_nested_record_is_an_error_not_a_stack_overflow() {
        let line = format!(
            "{{\"id\":\"a\",\"text\":\"t\",\"x\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let result = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || match parse_record(&line) {
                Err(RecordError::Syntax { message, .. }) => message,
                _ => String::from("parsed"),
            })
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert!(result.contains("recursion limit"), "{result}");
    }

    #[test]
    fn sample_has_the_seed_articles_with_outlets() {
        let corpus = load_sample();
        assert!(corpus.is_sample);
        assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
        assert!(corpus.sources.len() >= 5);
        assert!(corpus.sources.iter().all(|s| s.outlet.is_some()));
        assert!(corpus.sources.iter().all(|s| s.path.starts_with("seeds/")));
    }
}
