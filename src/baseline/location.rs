//! Where a figure is in the file it was read from, for CI annotations: the file's
//! path relative to the repository, and the line and column of the figure.
//!
//! For `.txt` and `.md` sources the text is the file, so a byte offset gives the
//! line and column directly. An HTML source's text is the page's visible text,
//! so the figure is looked for in the page itself, near the words of its sentence.
//! A JSONL record is one line of its file: the annotation points at that line.

use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::corpus::Source;

/// The largest HTML page read again to find a line number (a page is read again
/// only to point at a line; a larger one, or one that changed, points at line 1).
const PAGE_LIMIT: u64 = 1 << 30;

/// A place in a file of the repository, as CI annotations name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Path relative to the repository root, with `/` separators.
    pub file: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in characters (Unicode code points).
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column just after the end, in characters.
    pub end_column: usize,
}

/// How to turn the paths sources were read from into paths relative to the
/// repository: the working directory and the repository root (when there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoPaths {
    /// The working directory relative paths were given in.
    pub cwd: PathBuf,
    /// The repository root; `None` keeps paths as given.
    pub root: Option<PathBuf>,
}

impl RepoPaths {
    /// Paths kept as given (for sources built in memory, and tests).
    pub fn as_given() -> RepoPaths {
        RepoPaths {
            cwd: PathBuf::from("."),
            root: None,
        }
    }

    /// The repository of the working directory: `GITHUB_WORKSPACE` when `workspace`
    /// is given (GitHub Actions resolves annotation paths against it), else the
    /// nearest folder at or above `cwd` that holds `.git`, else `cwd` itself.
    pub fn discover(cwd: PathBuf, workspace: Option<PathBuf>) -> RepoPaths {
        let root = workspace
            .filter(|w| !w.as_os_str().is_empty())
            .or_else(|| {
                cwd.ancestors()
                    .find(|d| d.join(".git").exists())
                    .map(Path::to_path_buf)
            })
            .or_else(|| Some(cwd.clone()));
        RepoPaths { cwd, root }
    }

    /// `given` (a path as the user gave it) relative to the repository root, with
    /// `/` separators; as given, with `./` dropped, when it lies outside.
    pub fn relative(&self, given: &str) -> String {
        let path = Path::new(given);
        let plain = normalize(path);
        let Some(root) = &self.root else {
            return slashes(&plain);
        };
        let absolute = if path.is_absolute() {
            plain.clone()
        } else {
            normalize(&self.cwd.join(path))
        };
        match absolute.strip_prefix(normalize(root)) {
            Ok(rel) if !rel.as_os_str().is_empty() => slashes(rel),
            _ => slashes(&plain),
        }
    }
}

/// `path` with `.` dropped and `..` resolved lexically (without reading the disk).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn slashes(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The file a source was read from, as given: its path without the `:LINE` a
/// JSONL record's path ends with.
pub fn file_of(source: &Source) -> &str {
    jsonl_line(source).map_or(source.path.as_str(), |(file, _)| file)
}

/// For a JSONL record (path `FILE.jsonl:LINE`): the file and the line.
fn jsonl_line(source: &Source) -> Option<(&str, usize)> {
    let (file, line) = source.path.rsplit_once(':')?;
    if !file.to_ascii_lowercase().ends_with(".jsonl") {
        return None;
    }
    Some((file, line.parse().ok()?))
}

fn is_html(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// Where bytes `start..end` of `source.text` are in the file it was read from.
/// `sentence` is the text of the sentence that holds them and `sentence_start`
/// its byte offset (used to find the figure in an HTML page). Never fails: a place that cannot be found better is
/// the file's first line.
pub fn locate(
    source: &Source,
    start: usize,
    end: usize,
    sentence: &str,
    sentence_start: usize,
    paths: &RepoPaths,
) -> Location {
    let file = paths.relative(file_of(source));
    if let Some((_, line)) = jsonl_line(source) {
        return Location {
            file,
            line,
            column: 1,
            end_line: line,
            end_column: 1,
        };
    }
    let (text, start, end) = if is_html(&source.path) && !source.path.starts_with("seeds/") {
        match crate::corpus::read::read_text_limited(Path::new(&source.path), PAGE_LIMIT)
            .ok()
            .and_then(|page| {
                let within = start.checked_sub(sentence_start)?..end.checked_sub(sentence_start)?;
                find_in_page(&page, sentence, within).map(|r| (page, r))
            }) {
            Some((page, (s, e))) => (page, s, e),
            None => {
                return Location {
                    file,
                    line: 1,
                    column: 1,
                    end_line: 1,
                    end_column: 1,
                };
            }
        }
    } else {
        (source.text.clone(), start, end)
    };
    let (line, column) = line_column(&text, start);
    let (end_line, end_column) = line_column(&text, end.max(start));
    Location {
        file,
        line,
        column,
        end_line,
        end_column,
    }
}

/// The 1-based line and character column of byte `at` of `text` (clamped to the
/// text and to a character boundary).
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Finds a figure of an HTML source in its page. `sentence` is the sentence that
/// holds it as the source's text gives it, and `figure` the figure's byte range
/// in that sentence. Tags and white space are left out on both sides; the
/// sentence is looked for whole, then only its words up to the figure, then the
/// figure alone. Returns the figure's byte range in the page.
fn find_in_page(
    page: &str,
    sentence: &str,
    figure: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    let visible = visible_chars(page);
    let stream: String = visible.iter().map(|&(_, c)| c).collect();
    let offsets: Vec<usize> = visible.iter().map(|&(i, _)| i).collect();
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let before = squeeze(sentence.get(..figure.start)?);
    let fig = squeeze(sentence.get(figure.clone())?);
    if fig.is_empty() {
        return None;
    }
    let whole = squeeze(sentence);
    let lead: String = {
        let n = before.chars().count();
        before.chars().skip(n.saturating_sub(40)).collect()
    };
    let at = [
        (whole.as_str(), before.chars().count()),
        (&format!("{lead}{fig}"), lead.chars().count()),
        (fig.as_str(), 0),
    ]
    .iter()
    .find_map(|(needle, skip)| {
        let byte = stream.find(needle)?;
        Some(stream[..byte].chars().count() + skip)
    })?;
    let first = *offsets.get(at)?;
    let last = at + fig.chars().count() - 1;
    let end = offsets
        .get(last)
        .map(|&i| i + page[i..].chars().next().map_or(1, char::len_utf8))?;
    Some((first, end))
}

/// The characters of an HTML page outside tags and comments, white space left
/// out, each with its byte offset in the page.
fn visible_chars(page: &str) -> Vec<(usize, char)> {
    let mut out = Vec::with_capacity(page.len());
    let mut in_tag = false;
    let mut rest = page.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        if in_tag {
            if c == '>' {
                in_tag = false;
            }
            continue;
        }
        if c == '<' {
            if page[i..].starts_with("<!--") {
                let close = page[i..].find("-->").map_or(page.len(), |k| i + k + 3);
                while rest.peek().is_some_and(|&(j, _)| j < close) {
                    rest.next();
                }
            } else {
                in_tag = true;
            }
            continue;
        }
        if !c.is_whitespace() {
            out.push((i, c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "first line\nsécond 42 here\n";
        let at = text.find("42").unwrap();
        assert_eq!(line_column(text, at), (2, 8));
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 10_000), (3, 1));
    }

    #[test]
    fn paths_are_made_relative_to_the_repository() {
        let paths = RepoPaths {
            cwd: PathBuf::from("/repo/sub"),
            root: Some(PathBuf::from("/repo")),
        };
        assert_eq!(paths.relative("corpus/a.txt"), "sub/corpus/a.txt");
        assert_eq!(paths.relative("./corpus/a.txt"), "sub/corpus/a.txt");
        assert_eq!(paths.relative("../news/b.txt"), "news/b.txt");
        assert_eq!(paths.relative("/repo/news/b.txt"), "news/b.txt");
        assert_eq!(paths.relative("/elsewhere/c.txt"), "/elsewhere/c.txt");
        assert_eq!(RepoPaths::as_given().relative("./x/a.txt"), "x/a.txt");
    }

    #[test]
    fn a_jsonl_record_is_located_at_its_line() {
        let s = Source {
            path: "wire/feed.jsonl:3".into(),
            ..Source::new("r3", "Nine workers were killed.")
        };
        assert_eq!(file_of(&s), "wire/feed.jsonl");
        let loc = locate(&s, 0, 4, "", 0, &RepoPaths::as_given());
        assert_eq!((loc.file.as_str(), loc.line), ("wire/feed.jsonl", 3));
    }

    #[test]
    fn a_figure_of_an_html_page_is_found_near_its_sentence() {
        let page = "<html><body>\n<p>Total: 12 items.</p>\n<p>The fire\nkilled <b>12</b> workers at the docks.</p>\n</body></html>\n";
        let sentence = "The fire killed 12 workers at the docks.";
        let at = sentence.find("12").unwrap();
        let (s, e) = find_in_page(page, sentence, at..at + 2).unwrap();
        assert_eq!(&page[s..e], "12");
        assert_eq!(line_column(page, s).0, 4);
    }
}
