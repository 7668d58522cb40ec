//! What a command reads: its paths, and standard input when it is asked for
//! (`-`) or when nothing else is given and something is piped in.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use claimdiff::STDIN_PATH;

/// The paths of a command and, when they hold `-` or are empty with text piped
/// in, the bytes of standard input.
#[derive(Debug)]
pub struct Input {
    paths: Vec<PathBuf>,
    stdin: Option<Vec<u8>>,
}

impl Input {
    /// Reads standard input when a path is `-`; with no paths, when standard
    /// input is not a terminal and holds at least one byte (a terminal, an empty
    /// pipe or /dev/null is no input: the sample corpus is analysed). Standard
    /// input is read up to `limit` bytes, the size limit of one source.
    pub fn resolve(paths: Vec<PathBuf>, limit: u64) -> anyhow::Result<Input> {
        let stdin = std::io::stdin();
        let too_large = || {
            anyhow::anyhow!(
                "{STDIN_PATH}: larger than the limit of {limit} bytes for one source (see --max-file-size)"
            )
        };
        if paths.iter().any(|p| p.as_os_str() == "-") {
            let bytes = read_bounded(stdin.lock(), limit)
                .map_err(|e| anyhow::anyhow!("{STDIN_PATH}: cannot read: {e}"))?
                .ok_or_else(too_large)?;
            return Ok(Input {
                paths,
                stdin: Some(bytes),
            });
        }
        if paths.is_empty() && !stdin.is_terminal() {
            match read_bounded(stdin.lock(), limit) {
                Ok(Some(bytes)) if !bytes.is_empty() => {
                    return Ok(Input {
                        paths: vec![PathBuf::from("-")],
                        stdin: Some(bytes),
                    });
                }
                Ok(None) => return Err(too_large()),
                // Empty, closed or unreadable: no input.
                Ok(Some(_)) | Err(_) => {}
            }
        }
        Ok(Input { paths, stdin: None })
    }

    /// True when there is nothing to read: the sample corpus is analysed.
    pub fn is_sample(&self) -> bool {
        self.paths.is_empty()
    }

    /// The paths to load (`-` for standard input).
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The bytes of standard input, when read.
    pub fn stdin(&self) -> Option<&[u8]> {
        self.stdin.as_deref()
    }
}

/// Reads `reader` to its end: `None` once more than `limit` bytes came (the
/// limit is on the bytes actually read, whatever the reader is).
fn read_bounded(reader: impl Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_is_bounded_by_the_bytes_read() {
        let read = read_bounded(&b"twelve bytes"[..], 12).unwrap();
        assert_eq!(read.map(|b| b.len()), Some(12));
        assert_eq!(read_bounded(&b"thirteen byte"[..], 12).unwrap(), None);
    }
}
