//! `claimdiff ci`: the binary's side of the baseline check. It reads the baseline,
//! runs the analysis, writes the baseline when asked (never where `CI` is set),
//! checks the claims of `--claims` against the same corpus, prints the outcome
//! and says which exit code it means.

use std::path::{Path, PathBuf};

use anyhow::Context;

use claimdiff::baseline::{self, Baseline, CiReport, RepoPaths};
use claimdiff::cache::{self, Cache};
use claimdiff::claims::{self, CheckOptions, Claim};
use claimdiff::corpus::read::{ReadError, read_text_limited};
use claimdiff::report::build::{ViewOptions, report_view};
use claimdiff::report::{self, Style};
use claimdiff::{Options, analyze_cached};

use crate::cli::{CiArgs, Common, Format};
use crate::input::Input;
use crate::status::Status;
use crate::{EXIT_INPUT, output};

/// Exit code when the corpus brings a discrepancy the baseline does not hold, or
/// a claim no longer gets the verdict its `expect` states.
const EXIT_NEW: u8 = 1;

/// Runs `claimdiff ci` and returns its exit code.
pub fn run(args: CiArgs, common: &Common, status: &Status) -> anyhow::Result<u8> {
    let format = args.format;
    let writes = args.update || args.prune;
    let name = display(&args.baseline);
    if writes && ci_is_set() {
        anyhow::bail!(
            "refusing to write the baseline {name}: the environment variable CI is set, and CI only checks \
             (run `claimdiff ci --update` locally and commit the baseline)"
        );
    }
    let (old, old_text) =
        read_baseline(&args.baseline, &name, args.update, common.max_file_bytes())?;
    let claims = read_claims(&args.claims)?;
    let input = Input::resolve(args.paths.clone(), common.max_file_bytes())?;
    let corpus = crate::load(&input, common, status)?;
    if corpus.sources.is_empty() {
        anyhow::bail!("no readable sources in the given paths");
    }
    let cache = open_cache(&args, common);
    let analysis = analyze_cached(
        &corpus,
        &Options::default(),
        cache.as_ref(),
        status.progress(),
    );
    if let Some(cache) = &cache
        && !common.quiet
    {
        status.eprintln(&format!("claimdiff: {}", cache_line(cache)));
    }
    let view = report_view(&analysis, ViewOptions::default());
    let paths = repo_paths()?;
    let mut outcome = baseline::check(&old, &name, &old_text, &view, &corpus, &paths);
    if writes {
        if corpus.has_errors() {
            anyhow::bail!(
                "not writing the baseline {name}: some sources could not be read (see above), \
                 and a baseline written without them would forget them"
            );
        }
        let mut next = old.clone();
        if args.update {
            next = next.updated(&outcome, &corpus, &paths);
        }
        if args.prune {
            next = next.pruned(&outcome);
        }
        let text = next.to_yaml();
        output::emit(&text, Some(&args.baseline))?;
        if !common.quiet {
            status.eprintln(&format!("claimdiff: {}", written_line(&name, &old, &next)));
        }
        // What is printed, and the exit code, are those of the baseline as written.
        outcome = baseline::check(&next, &name, &text, &view, &corpus, &paths);
    }
    if !claims.is_empty() {
        // The claims checker reads the corpus already loaded; claims files are
        // only read, never written (not even by `--update`).
        let checked = claims::check(&corpus, &claims, &CheckOptions::default());
        outcome = outcome.with_claims(&checked, &paths);
    }
    let style = crate::style(common);
    output::emit(&render(&outcome, format, &style), common.out.as_deref())?;
    Ok(if corpus.has_errors() {
        EXIT_INPUT
    } else if outcome.passed {
        0
    } else {
        EXIT_NEW
    })
}

fn render(outcome: &CiReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => report::ci::json::report(outcome),
        Format::Github => report::ci::github::report(outcome),
        Format::Junit => report::ci::junit::report(outcome),
        Format::Sarif => report::ci::sarif::report(outcome),
        _ => report::ci::table::report(outcome, style),
    }
}

/// True when the environment variable `CI` is set to anything but an empty
/// string, `0` or `false` (CI services set it to `true`).
fn ci_is_set() -> bool {
    std::env::var_os("CI").is_some_and(|v| {
        let v = v.to_string_lossy();
        let v = v.trim();
        !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false"))
    })
}

/// Reads and parses the baseline. A missing file is an empty baseline when it is
/// about to be written, else an error that says how to create it.
fn read_baseline(
    path: &Path,
    name: &str,
    creating: bool,
    limit: u64,
) -> anyhow::Result<(Baseline, String)> {
    let text = match read_text_limited(path, limit) {
        Ok(t) => t,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound && creating => {
            return Ok((Baseline::default(), String::new()));
        }
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "baseline {name} does not exist; create it with `claimdiff ci --baseline {name} --update PATHS`"
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot read baseline {name}")),
    };
    let baseline = Baseline::parse(name, &text).map_err(|e| anyhow::anyhow!("baseline {e}"))?;
    Ok((baseline, text))
}

/// The claims of `--claims` (none without it); an error names file:line:column.
fn read_claims(paths: &[PathBuf]) -> anyhow::Result<Vec<Claim>> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    claims::file::load(paths).map_err(|e| anyhow::anyhow!("claims {e}"))
}

/// The analysis cache of `--cache`, or `.claimdiff-cache` beside the baseline;
/// none with `--no-cache`, or when the folder cannot be made (with a warning:
/// the run goes on without it).
fn open_cache(args: &CiArgs, common: &Common) -> Option<Cache> {
    if args.no_cache {
        return None;
    }
    let dir = args.cache.clone().unwrap_or_else(|| {
        let parent = args.baseline.parent().unwrap_or(Path::new(""));
        parent.join(cache::DEFAULT_DIR)
    });
    match Cache::open(&dir) {
        Ok(c) => Some(c),
        Err(e) => {
            if !common.quiet {
                eprintln!(
                    "claimdiff: warning: cannot use the cache folder {}: {e}; going on without it",
                    display(&dir)
                );
            }
            None
        }
    }
}

/// "cache DIR: 9 sources reused, 1 analysed (0 rebuilt), 1 entry written".
fn cache_line(cache: &Cache) -> String {
    let s = cache.stats();
    let mut line = format!(
        "cache {}: {} sources reused, {} analysed ({} rebuilt), {} entries written",
        display(cache.dir()),
        s.reused,
        s.missing + s.rebuilt,
        s.rebuilt,
        s.written
    );
    if s.write_errors > 0 {
        line.push_str(&format!(", {} could not be written", s.write_errors));
    }
    line
}

fn repo_paths() -> anyhow::Result<RepoPaths> {
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let workspace = std::env::var_os("GITHUB_WORKSPACE").map(PathBuf::from);
    Ok(RepoPaths::discover(cwd, workspace))
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// "baseline B written: 1 added (id), 2 kept, 1 removed (id)".
fn written_line(name: &str, old: &Baseline, next: &Baseline) -> String {
    let ids = |b: &Baseline| -> std::collections::BTreeSet<String> {
        b.discrepancies.iter().map(|e| e.id.clone()).collect()
    };
    let (before, after) = (ids(old), ids(next));
    let list = |set: Vec<&String>| {
        if set.is_empty() {
            String::new()
        } else {
            let shown: Vec<&str> = set.iter().map(|s| s.as_str()).collect();
            format!(" ({})", shown.join(", "))
        }
    };
    let added: Vec<&String> = after.difference(&before).collect();
    let removed: Vec<&String> = before.difference(&after).collect();
    let kept = after.intersection(&before).count();
    format!(
        "baseline {name} written: {} added{}, {kept} kept, {} removed{}",
        added.len(),
        list(added.clone()),
        removed.len(),
        list(removed.clone())
    )
}
