//! Reading input files safely: every read is bounded by the bytes actually read
//! (never by what the file's metadata says, which is 0 for a pipe and a device),
//! and a file that is not a regular file is told apart before it is opened.
//!
//! The policy, for every file claimdiff reads (sources, manifests, claims, baselines):
//! - a regular file is read, at most `limit` bytes (one more is read to tell that
//!   it is over the limit);
//! - a FIFO (named pipe) named explicitly is read the same way, bounded: that is how
//!   process substitution (`<(command)`) hands text over. Inside a folder it is
//!   skipped, since opening it could wait for a writer forever;
//! - a device or a socket is never read: its content has no end and is not an article.

use std::fmt;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// What kind of file system entry a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A named pipe.
    Fifo,
    /// A character or block device (`/dev/zero`, a disk).
    Device,
    /// A Unix domain socket.
    Socket,
}

impl Special {
    /// The kind of `meta`, when it is not a regular file, folder or symbolic link.
    pub fn of(meta: &Metadata) -> Option<Special> {
        Special::of_type(meta.file_type())
    }

    /// The kind of a file type, when it is special.
    pub fn of_type(ft: fs::FileType) -> Option<Special> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if ft.is_fifo() {
                return Some(Special::Fifo);
            }
            if ft.is_char_device() || ft.is_block_device() {
                return Some(Special::Device);
            }
            if ft.is_socket() {
                return Some(Special::Socket);
            }
        }
        let _ = ft;
        None
    }

    /// "a FIFO (named pipe)", "a device", "a socket".
    pub fn describe(self) -> &'static str {
        match self {
            Special::Fifo => "a FIFO (named pipe)",
            Special::Device => "a device",
            Special::Socket => "a socket",
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (missing file, permission, ...).
    Io(io::Error),
    /// More bytes than the limit. `size` is the file's size when it is a regular
    /// file (for a pipe only "more than the limit" is known).
    TooLarge {
        /// The size from the metadata of a regular file.
        size: Option<u64>,
        /// The limit in force.
        limit: u64,
    },
    /// A device or socket, never read; or a folder where a file was expected.
    NotAFile(&'static str),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::TooLarge { size, limit } => {
                match size {
                    Some(size) => write!(f, "{} is larger than", human_size(*size))?,
                    None => write!(f, "it holds more than")?,
                }
                write!(
                    f,
                    " the limit of {} (raise it with --max-file-size)",
                    human_size(*limit)
                )
            }
            ReadError::NotAFile(what) => write!(f, "{what}, not a regular file: not read"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// Reads at most `limit` bytes of the file at `path` (a regular file or a FIFO),
/// refusing devices, sockets and folders, and refusing a file with more bytes than
/// `limit` (counted as they are read).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(ReadError::NotAFile("a folder"));
    }
    match Special::of(&meta) {
        Some(Special::Fifo) | None => {}
        Some(other) => return Err(ReadError::NotAFile(other.describe())),
    }
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let size = meta.is_file().then_some(meta.len()).filter(|&n| n > limit);
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// [`read_limited`], then UTF-8 (a leading byte order mark is dropped). For YAML
/// files and other small inputs that must be text.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    let mut bytes = read_limited(path, limit)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

/// A size for people: `16 MiB` when it is a whole number of KiB, MiB or GiB, else
/// a number of bytes.
pub fn human_size(n: u64) -> String {
    for (unit, name) in [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if n >= unit && n.is_multiple_of(unit) {
            return format!("{} {name}", n / unit);
        }
    }
    format!("{n} bytes")
}

/// Parses a size as the command line takes it: a number of bytes, with an optional
/// suffix `K`, `M`, `G` or `T` (powers of 1024; `KB`, `KiB`, `MB`, `MiB`, ... and
/// lower case are accepted too): `20M`, `1G`, `500000`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let bad = || {
        format!(
            "invalid size {s:?}: expected a number with an optional K, M, G or T suffix (such as 20M or 1G)"
        )
    };
    let n: u64 = number.parse().map_err(|_| bad())?;
    let unit = unit.trim().to_ascii_lowercase();
    let unit = unit
        .strip_suffix("ib")
        .or_else(|| unit.strip_suffix('b'))
        .unwrap_or(&unit);
    let shift = match unit {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        _ => return Err(bad()),
    };
    let size = n.checked_mul(1u64 << shift).ok_or_else(bad)?;
    if size == 0 {
        return Err(format!("invalid size {s:?}: the limit must be above 0"));
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("500"), Ok(500));
        assert_eq!(parse_size("20M"), Ok(20 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("2MiB"), Ok(2 << 20));
        assert_eq!(parse_size("3 MB"), Ok(3 << 20));
        assert!(parse_size("").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999999T").is_err());
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(16 << 20), "16 MiB");
        assert_eq!(human_size(1 << 30), "1 GiB");
        assert_eq!(human_size(1500), "1500 bytes");
    }

    #[test]
    fn reads_are_bounded_by_bytes_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "0123456789").unwrap();
        assert_eq!(read_limited(&p, 10).unwrap(), b"0123456789");
        let err = read_limited(&p, 9).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::TooLarge {
                    size: Some(10),
                    limit: 9
                }
            ),
            "{err:?}"
        );
        assert!(matches!(
            read_limited(dir.path(), 9),
            Err(ReadError::NotAFile("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        let err = read_limited(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(matches!(err, ReadError::NotAFile("a device")), "{err:?}");
    }
}
