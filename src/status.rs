//! The status line: on a terminal, for a run that takes over a second, one line
//! of standard error rewritten in place with the stage of the run and its count
//! ("claimdiff: aligning and extracting figures (3000 sources) · 4 s"). Never
//! shown when standard error is not a terminal, nor with `--quiet`; cleared
//! before any other message is printed and when the run ends.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use claimdiff::Progress;

/// How long a run goes before the status line appears.
const DELAY: Duration = Duration::from_secs(1);
/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(100);
/// "Return to the start of the line and erase it."
const CLEAR: &str = "\r\x1b[2K";

/// The status line of one run (a no-op when disabled).
pub struct Status {
    progress: Arc<Progress>,
    /// True while a status line is on the screen.
    shown: Arc<Mutex<bool>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Status {
    /// Starts the status line when `enabled` (a terminal, not `--quiet`).
    pub fn start(enabled: bool) -> Status {
        let progress = Arc::new(Progress::default());
        let shown = Arc::new(Mutex::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = enabled.then(|| {
            let (progress, shown, stop) = (progress.clone(), shown.clone(), stop.clone());
            std::thread::spawn(move || draw_until_stopped(&progress, &shown, &stop))
        });
        Status {
            progress,
            shown,
            stop,
            thread,
        }
    }

    /// Where the pipeline writes its stage.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Prints `message` as a line of standard error, clearing the status line
    /// first (it is drawn again at the next tick).
    pub fn eprintln(&self, message: &str) {
        let mut shown = lock(&self.shown);
        let mut err = std::io::stderr().lock();
        if *shown {
            let _ = write!(err, "{CLEAR}");
            *shown = false;
        }
        let _ = writeln!(err, "{message}");
    }
}

impl Drop for Status {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
        if *lock(&self.shown) {
            let _ = write!(std::io::stderr().lock(), "{CLEAR}");
        }
    }
}

fn lock(m: &Mutex<bool>) -> std::sync::MutexGuard<'_, bool> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn draw_until_stopped(progress: &Progress, shown: &Mutex<bool>, stop: &AtomicBool) {
    let start = Instant::now();
    let mut last = String::new();
    while !stop.load(Ordering::Relaxed) {
        std::thread::park_timeout(TICK);
        let elapsed = start.elapsed();
        if stop.load(Ordering::Relaxed) || elapsed < DELAY {
            continue;
        }
        let line = fit(
            &format!("claimdiff: {} · {} s", progress.get(), elapsed.as_secs()),
            stderr_width(),
        );
        let mut on_screen = lock(shown);
        if line != last || !*on_screen {
            let _ = write!(std::io::stderr().lock(), "{CLEAR}{line}");
            *on_screen = true;
            last = line;
        }
    }
}

/// Cuts `line` to `width - 1` characters, so that it never wraps (a wrapped line
/// cannot be rewritten in place).
fn fit(line: &str, width: usize) -> String {
    line.chars().take(width.saturating_sub(1).max(10)).collect()
}

fn stderr_width() -> usize {
    terminal_size::terminal_size_of(std::io::stderr()).map_or(80, |(w, _)| usize::from(w.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_cut_to_the_terminal_and_a_disabled_status_draws_nothing() {
        assert_eq!(
            fit("claimdiff: comparing 12 figures", 21),
            "claimdiff: comparing"
        );
        let status = Status::start(false);
        status.progress().file_read();
        assert!(status.thread.is_none());
        assert!(!*lock(&status.shown));
    }
}
