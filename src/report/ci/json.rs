//! `claimdiff ci --format json`: the [`CiReport`] as one JSON object.
//!
//! Fields: `schema`, `baseline`, `baseline_file`, `passed`, `new` (each with
//! `finding`, `brought_by`, `location`, `value`, `value_locations`,
//! `extends`), `known` (`finding`,
//! `status`, `note`, and `matches`, `joined`, `left` when it matched an entry
//! whose sources changed), `stale` (`entry`, `line`, `removed_sources`), `sources`
//! (`added`, `changed`, `removed`), `to_review`, `claims_checked`,
//! `claim_regressions` and `claims_as_expected` (each with `id`, `claim`,
//! `file`, `line`, `expect`, `verdict`, `reason`, `evidence`: `source`,
//! `verdict`, `text`, `sentence`). More fields may be added.

use crate::baseline::CiReport;

/// The CI outcome as pretty-printed JSON with a final newline.
pub fn report(r: &CiReport) -> String {
    crate::report::json::pretty(r)
}
