//! `claimdiff check`: the binary's side of claim checking. It reads the claims,
//! loads the corpus, checks, prints and says which exit code the verdicts mean.

use claimdiff::claims::{self, CheckOptions, CheckReport, Claim, Verdict};
use claimdiff::report::{self, Style};

use claimdiff::Stage;

use crate::cli::{CheckArgs, Common, FailOn, Format};
use crate::input::Input;
use crate::status::Status;
use crate::{EXIT_INPUT, output};

/// Exit code when a claim gets a verdict `--fail-on` names.
const EXIT_FAIL: u8 = 1;

/// Runs `claimdiff check` and returns its exit code.
pub fn run(args: CheckArgs, common: &Common, status: &Status) -> anyhow::Result<u8> {
    let format = args.format;
    let date = match &args.date {
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| anyhow::anyhow!("--date {d}: expected a date as YYYY-MM-DD"))?
                .format("%Y-%m-%d")
                .to_string(),
        ),
        None => None,
    };
    let input = Input::resolve(args.paths.clone(), common.max_file_bytes())?;
    let claims = read_claims(&args, &input, common)?;
    let corpus = crate::load(&input, common, status)?;
    if corpus.sources.is_empty() {
        anyhow::bail!("no readable sources in the given paths");
    }
    status.progress().set(Stage::Checking {
        claims: claims.len(),
    });
    let checked = claims::check(&corpus, &claims, &CheckOptions::default());
    status.progress().set(Stage::Printing);
    let style = crate::style(common);
    let text = render(&checked, format, &style, &args, date.as_deref());
    output::emit(&text, common.out.as_deref())?;
    Ok(if corpus.has_errors() {
        EXIT_INPUT
    } else if fails(&checked, &args.fail_on) {
        EXIT_FAIL
    } else {
        0
    })
}

/// The claims to check: files and folders, then `--claim` texts; the sample
/// claims when neither is given and the corpus is the sample.
fn read_claims(args: &CheckArgs, input: &Input, common: &Common) -> anyhow::Result<Vec<Claim>> {
    if args.claims.is_empty() && args.claim.is_empty() {
        if !input.is_sample() {
            anyhow::bail!(
                "no claims to check: add --claims FILE (a claims YAML file or folder) or --claim \"TEXT\" \
                 (the sample claims are only checked against the sample corpus)"
            );
        }
        if !common.quiet {
            eprintln!(
                "claimdiff: no claims given: checking the sample claims (claims/, embedded in the binary)"
            );
        }
        return claims::file::sample().map_err(|e| anyhow::anyhow!("claims {e}"));
    }
    let mut out = claims::file::load(&args.claims).map_err(|e| anyhow::anyhow!("claims {e}"))?;
    for (n, text) in args.claim.iter().enumerate() {
        if text.trim().is_empty() {
            anyhow::bail!("--claim: the claim text is empty");
        }
        let c = Claim::inline(n + 1, text);
        if out.iter().any(|o| o.id == c.id) {
            anyhow::bail!(
                "--claim: the id {} is already taken by a claim in a file",
                c.id
            );
        }
        out.push(c);
    }
    Ok(out)
}

/// True when a claim's verdict is one `--fail-on` names.
fn fails(checked: &CheckReport, fail_on: &[FailOn]) -> bool {
    checked.claims.iter().any(|c| {
        fail_on.iter().any(|f| match f {
            FailOn::Contradicted => c.verdict == Verdict::Contradicted,
            FailOn::Mixed => c.verdict == Verdict::Mixed,
            FailOn::NotMentioned => c.verdict == Verdict::NotMentioned,
            FailOn::Unexpected => c.unexpected(),
        })
    })
}

fn render(
    checked: &CheckReport,
    format: Format,
    style: &Style,
    args: &CheckArgs,
    date: Option<&str>,
) -> String {
    match format {
        Format::Json => report::check::json::report(checked),
        Format::Markdown => report::check::markdown::report(checked),
        Format::Csv => report::check::csv::report(checked),
        Format::Claimreview => report::check::claimreview::report(
            checked,
            &report::check::claimreview::Review {
                author: &args.author,
                date,
            },
        ),
        _ => report::check::table::report(checked, style),
    }
}
