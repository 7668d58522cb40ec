//! The analysis cache: what claimdiff finds in one source from the source alone
//! (paragraphs, lines, sentences, figures and quotations), kept in a folder between runs so
//! that a second run over a corpus reads it instead of doing the work again.
//!
//! Each source has one entry file, named by a 128-bit hash of everything that
//! analysis reads of the source (its text, outlet, URL, series and publication
//! date, not its id or path), of the claimdiff version and of [`FORMAT`]. A source
//! that changes gets another name; a new claimdiff never reads an old entry.
//!
//! An entry is a header (magic bytes, [`FORMAT`], the key, the payload's length
//! and a checksum of the payload) followed by the payload (JSON). An entry whose
//! header or checksum does not match, or whose payload does not decode, is
//! counted as rebuilt and written again: it is never trusted. Entries are written
//! to a temporary file in the same folder and renamed into place, so two runs at
//! once never leave a half-written entry (each writes the same bytes).
//!
//! The folder gets a `.gitignore` holding `*`, so that git ignores it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::corpus::Source;
use crate::fingerprint::hash64;

/// Version of the entry format and of what it holds; raised whenever the
/// payload's types or the analysis they come from change.
pub const FORMAT: u32 = 2;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"CLDFCACH";

/// Magic, format, key, payload length, checksum.
const HEADER: usize = 8 + 4 + 16 + 8 + 8;

/// Extension of entry files.
const EXTENSION: &str = "entry";

/// What the `.gitignore` inside the folder says.
const GITIGNORE: &str = "# Written by claimdiff: this folder is its analysis cache.\n*\n";

/// The folder name used beside the baseline when no other is given.
pub const DEFAULT_DIR: &str = ".claimdiff-cache";

/// The name of one source's entry: a hash of what analysis reads of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(u128);

impl Key {
    /// The key of a source's entry.
    pub fn of(source: &Source) -> Key {
        let mut h = Fnv128::new();
        h.part(b"claimdiff analysis cache");
        h.part(&FORMAT.to_le_bytes());
        h.part(env!("CARGO_PKG_VERSION").as_bytes());
        h.part(source.text.as_bytes());
        for field in [&source.outlet, &source.url, &source.series] {
            h.part(field.as_deref().unwrap_or("\u{0}none").as_bytes());
        }
        let date = source.published.map(|d| d.to_string()).unwrap_or_default();
        h.part(date.as_bytes());
        h.part(format!("{:?}", source.published_from).as_bytes());
        h.part(format!("{:?}", source.published_span).as_bytes());
        Key(h.0)
    }

    /// The key as 32 hex digits.
    pub fn hex(&self) -> String {
        format!("{:032x}", self.0)
    }
}

/// 128-bit FNV-1a, each part followed by its length so that parts cannot run
/// into each other.
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn new() -> Fnv128 {
        Fnv128(Self::OFFSET)
    }

    fn part(&mut self, bytes: &[u8]) {
        let len = (bytes.len() as u64).to_le_bytes();
        for &b in bytes.iter().chain(&len) {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }
}

/// What a run did with the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Sources read from the cache.
    pub reused: usize,
    /// Sources analysed because they had no entry.
    pub missing: usize,
    /// Sources analysed because their entry was corrupt, truncated or of
    /// another format (the entry is written again).
    pub rebuilt: usize,
    /// Entries written.
    pub written: usize,
    /// Entries that could not be written (the run goes on without them).
    pub write_errors: usize,
}

/// The outcome of looking an entry up.
#[derive(Debug)]
pub(crate) enum Lookup {
    /// No entry for the key.
    Missing,
    /// An entry that cannot be trusted.
    Invalid,
    /// The entry's payload, checked.
    Found(Vec<u8>),
}

/// A cache folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    reused: AtomicUsize,
    missing: AtomicUsize,
    rebuilt: AtomicUsize,
    written: AtomicUsize,
    write_errors: AtomicUsize,
}

impl Cache {
    /// Opens the cache folder `dir`, creating it and its `.gitignore` when they
    /// are missing.
    pub fn open(dir: &Path) -> io::Result<Cache> {
        fs::create_dir_all(dir)?;
        let ignore = dir.join(".gitignore");
        if fs::read_to_string(&ignore).ok().as_deref() != Some(GITIGNORE) {
            write_atomic(dir, &ignore, GITIGNORE.as_bytes())?;
        }
        Ok(Cache {
            dir: dir.to_path_buf(),
            reused: AtomicUsize::new(0),
            missing: AtomicUsize::new(0),
            rebuilt: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            write_errors: AtomicUsize::new(0),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What this cache did so far.
    pub fn stats(&self) -> Stats {
        Stats {
            reused: self.reused.load(Ordering::Relaxed),
            missing: self.missing.load(Ordering::Relaxed),
            rebuilt: self.rebuilt.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
            write_errors: self.write_errors.load(Ordering::Relaxed),
        }
    }

    /// The path of a key's entry.
    pub fn entry_path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.{EXTENSION}", key.hex()))
    }

    /// Reads and checks a key's entry.
    pub(crate) fn read(&self, key: &Key) -> Lookup {
        let bytes = match fs::read(self.entry_path(key)) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Lookup::Missing,
            Err(_) => return Lookup::Invalid,
        };
        match payload(&bytes, key) {
            Some(p) => Lookup::Found(p.to_vec()),
            None => Lookup::Invalid,
        }
    }

    /// Counts a source read from its entry.
    pub(crate) fn count_reused(&self) {
        self.reused.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a source analysed because its entry was missing (`invalid` false)
    /// or could not be trusted.
    pub(crate) fn count_analysed(&self, invalid: bool) {
        let counter = if invalid {
            &self.rebuilt
        } else {
            &self.missing
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts an entry that could not be written.
    pub(crate) fn count_write_error(&self) {
        self.write_errors.fetch_add(1, Ordering::Relaxed);
    }

    /// Writes a key's entry atomically. A failure is counted, not returned: a run
    /// goes on without its cache.
    pub(crate) fn write(&self, key: &Key, payload: &[u8]) {
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&key.0.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&hash64(payload).to_le_bytes());
        bytes.extend_from_slice(payload);
        let counter = match write_atomic(&self.dir, &self.entry_path(key), &bytes) {
            Ok(()) => &self.written,
            Err(_) => &self.write_errors,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// The payload of an entry when its header and checksum hold.
fn payload<'b>(bytes: &'b [u8], key: &Key) -> Option<&'b [u8]> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let u64_at = |at: usize| u64::from_le_bytes(field(at, 8).try_into().expect("8 bytes"));
    let ok = field(0, 8) == MAGIC
        && field(8, 4) == FORMAT.to_le_bytes()
        && field(12, 16) == key.0.to_le_bytes()
        && u64_at(28) == payload.len() as u64
        && u64_at(36) == hash64(payload);
    ok.then_some(payload)
}

/// Writes `bytes` to `path` through a temporary file in `dir`, renamed into place.
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .suffix(".part")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data().ok();
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache() -> (tempfile::TempDir, Cache) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let cache = Cache::open(&dir.path().join("c")).expect("the cache opens");
        (dir, cache)
    }

    #[test]
    fn an_entry_reads_back_and_a_damaged_one_is_invalid() {
        let (_tmp, cache) = cache();
        let key = Key::of(&Source::new("a", "The ferry left at noon."));
        assert!(matches!(cache.read(&key), Lookup::Missing));
        cache.write(&key, b"{\"x\":1}");
        match cache.read(&key) {
            Lookup::Found(p) => assert_eq!(p, b"{\"x\":1}"),
            other => panic!("expected the entry, got {other:?}"),
        }
        let path = cache.entry_path(&key);
        let mut bytes = fs::read(&path).expect("the entry");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        fs::write(&path, &bytes).expect("written");
        assert!(matches!(cache.read(&key), Lookup::Invalid));
        bytes.truncate(HEADER - 3);
        fs::write(&path, &bytes).expect("written");
        assert!(matches!(cache.read(&key), Lookup::Invalid));
        assert_eq!(cache.stats().written, 1);
    }

    #[test]
    fn an_entry_under_another_key_is_invalid() {
        let (_tmp, cache) = cache();
        let a = Key::of(&Source::new("a", "Two boats sank."));
        let b = Key::of(&Source::new("a", "Three boats sank."));
        assert_ne!(a, b);
        cache.write(&a, b"{}");
        fs::copy(cache.entry_path(&a), cache.entry_path(&b)).expect("copied");
        assert!(matches!(cache.read(&b), Lookup::Invalid));
    }

    #[test]
    fn the_key_ignores_id_and_path_but_not_metadata() {
        let s = Source::new("a", "Two boats sank.");
        let renamed = Source {
            id: "b".into(),
            path: "elsewhere/b.txt".into(),
            ..s.clone()
        };
        let other_outlet = Source {
            outlet: Some("Harbour News".into()),
            ..s.clone()
        };
        assert_eq!(Key::of(&s), Key::of(&renamed));
        assert_ne!(Key::of(&s), Key::of(&other_outlet));
    }

    #[test]
    fn the_folder_gets_its_gitignore() {
        let (_tmp, cache) = cache();
        let text = fs::read_to_string(cache.dir().join(".gitignore")).expect("written");
        assert!(text.lines().any(|l| l == "*"));
    }
}
