//! Writing output: to standard output (a closed pipe is not an error), or atomically
//! to a file (a temporary file in the same folder, then a rename).
//!
//! A file written is always a regular file: a target that is a symbolic link, a
//! FIFO, a device, a socket or a folder is refused, and so is a read-only file
//! (claimdiff does not replace what the user protected). A file replaced keeps its
//! mode; a new file gets the usual mode (0666 less the umask, as `File::create`
//! gives). `--out` is also refused inside a folder being analysed: the output would
//! become a source of the next run.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Writes `text` to `out`, or to standard output when `out` is `None`.
pub fn emit(text: &str, out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        Some(path) => write_atomically(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let mut stdout = io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
    }
}

/// Checks, before any work, that `out` can be written: a regular file that is not
/// read-only (or no file yet), in an existing folder, and not inside one of the
/// paths being analysed (`roots`: a folder holding it, or the file itself).
pub fn check_out(out: &Path, roots: &[PathBuf]) -> anyhow::Result<()> {
    let name = out.display();
    existing_mode(out).with_context(|| format!("cannot write {name}"))?;
    let dir = folder_of(out);
    let dir = fs::canonicalize(dir)
        .with_context(|| format!("cannot write {name}: folder {}", dir.display()))?;
    let target = match out.file_name() {
        Some(file) => dir.join(file),
        None => anyhow::bail!("cannot write {name}: not a file name"),
    };
    for root in roots {
        let Ok(canonical) = fs::canonicalize(root) else {
            continue;
        };
        let inside = if canonical.is_dir() {
            target.starts_with(&canonical)
        } else {
            target == canonical
        };
        if inside {
            anyhow::bail!(
                "refusing to write {name}: it is inside {}, which is being analysed \
                 (claimdiff never writes into the corpus, and the output would be read as a \
                 source next run); write it elsewhere",
                root.display()
            );
        }
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The permissions of the regular file at `path`, `None` when there is no file
/// yet; an error for anything claimdiff must not replace.
fn existing_mode(path: &Path) -> io::Result<Option<fs::Permissions>> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let ft = meta.file_type();
    let refuse = |what: &str| {
        Err(io::Error::other(format!(
            "it is {what}; claimdiff writes only regular files"
        )))
    };
    if ft.is_symlink() {
        return refuse("a symbolic link (give the path of the file it points to)");
    }
    if ft.is_dir() {
        return refuse("a folder");
    }
    if let Some(special) = claimdiff::corpus::read::Special::of_type(ft) {
        return refuse(special.describe());
    }
    if !ft.is_file() {
        return refuse("not a regular file");
    }
    if meta.permissions().readonly() {
        return Err(io::Error::other(
            "it is read-only; claimdiff does not replace a protected file (make it writable or choose another path)",
        ));
    }
    Ok(Some(meta.permissions()))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let existing = existing_mode(path)?;
    let mut builder = tempfile::Builder::new();
    // Created with the mode it will keep (less the umask for a new file), so that
    // the content is never readable by more people than the final file allows.
    match &existing {
        Some(mode) => {
            builder.permissions(mode.clone());
        }
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(fs::Permissions::from_mode(0o666));
            }
        }
    }
    let mut tmp = builder.tempfile_in(folder_of(path))?;
    if let Some(mode) = existing {
        // The umask narrowed the mode at creation: a replaced file keeps its own.
        fs::set_permissions(tmp.path(), mode)?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
