//! Where a long run is, for a progress display: the pipeline says which stage it
//! is in and how much it has done, and a display (the binary's status line on a
//! terminal) reads it from another thread. Nothing here prints.

use std::fmt;
use std::sync::Mutex;

/// A stage of a run, with its count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// Nothing started yet.
    #[default]
    Starting,
    /// Reading files: how many were read so far.
    Loading {
        /// Files read so far.
        files: usize,
    },
    /// Splitting the sources into sentences and marking boilerplate.
    Preparing {
        /// Sources being prepared.
        sources: usize,
    },
    /// Aligning passages and extracting figures (they run side by side).
    Aligning {
        /// Sources being aligned.
        sources: usize,
    },
    /// Comparing figures into findings.
    Comparing {
        /// Figures being compared.
        figures: usize,
    },
    /// Checking claims against the sources.
    Checking {
        /// Claims being checked.
        claims: usize,
    },
    /// Printing the output.
    Printing,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match *self {
            Stage::Starting => write!(f, "starting"),
            Stage::Loading { files } => {
                write!(f, "loading ({} read)", plural(files, "file", "files"))
            }
            Stage::Preparing { sources } => {
                write!(f, "preparing {}", plural(sources, "source", "sources"))
            }
            Stage::Aligning { sources } => write!(
                f,
                "aligning and extracting figures ({})",
                plural(sources, "source", "sources")
            ),
            Stage::Comparing { figures } => {
                write!(f, "comparing {}", plural(figures, "figure", "figures"))
            }
            Stage::Checking { claims } => {
                write!(f, "checking {}", plural(claims, "claim", "claims"))
            }
            Stage::Printing => write!(f, "printing"),
        }
    }
}

/// The current stage of a run, shared between the pipeline and a display.
#[derive(Debug, Default)]
pub struct Progress {
    stage: Mutex<Stage>,
}

impl Progress {
    /// Enters `stage`.
    pub fn set(&self, stage: Stage) {
        *self.lock() = stage;
    }

    /// The current stage.
    pub fn get(&self) -> Stage {
        *self.lock()
    }

    /// Counts one more file read (entering [`Stage::Loading`] if needed).
    pub fn file_read(&self) {
        let mut stage = self.lock();
        *stage = match *stage {
            Stage::Loading { files } => Stage::Loading { files: files + 1 },
            _ => Stage::Loading { files: 1 },
        };
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Stage> {
        // A panic elsewhere never leaves a stage half-written: it is a plain value.
        self.stage.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_counted_and_stages_named_with_counts() {
        let p = Progress::default();
        assert_eq!(p.get(), Stage::Starting);
        p.file_read();
        p.file_read();
        assert_eq!(p.get().to_string(), "loading (2 files read)");
        p.set(Stage::Comparing { figures: 1 });
        assert_eq!(p.get().to_string(), "comparing 1 figure");
        p.file_read();
        assert_eq!(p.get(), Stage::Loading { files: 1 });
    }
}
